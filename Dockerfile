# syntax=docker/dockerfile:1
# Connect API image.  Build: docker build -t connect-api .   (or: docker compose --profile api up)

# --- restore inputs ----------------------------------------------------------------------------
# Only what `dotnet restore` reads: nuget.config, Directory.*.props, the local shim feed and every
# *.csproj at its own path. Docker's COPY cannot glob **/*.csproj and keep the folders, so we copy
# everything here and delete the rest; the next stage copies the result, and that layer (and the
# restore after it) stays cached until one of these files actually changes.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS restore-inputs
WORKDIR /src
COPY . .
RUN find . -type f \
      ! -name '*.csproj' \
      ! -name 'nuget.config' \
      ! -name 'Directory.*.props' \
      ! -path './build/nuget-shims/feed/*' \
      -delete \
 && find . -type d -empty -delete

# --- build -------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY --from=restore-inputs /src/ ./
RUN dotnet restore src/Connect.Api/Connect.Api.csproj
COPY . .
RUN dotnet publish src/Connect.Api/Connect.Api.csproj -c Release --no-restore \
      -o /app/publish -p:UseAppHost=false

# --- runtime -----------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish ./
# The .NET images ship an unprivileged `app` user; APP_UID holds its numeric id.
USER $APP_UID
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Connect.Api.dll"]
