#!/usr/bin/env bash
# Runs the Connect API locally with demo data, against the database from build/db.sh.
#
# Usage: build/run.sh [dotnet-run options] [-- app arguments]
#
# Builds first (one progress line), starts the API, and prints the banner (address, docs, key, a curl to try)
# only once GET /health/ready answers; then stays in the foreground until the API stops (Ctrl-C stops it).
#
# Environment:
#   Connect__BootstrapApiKey  the service's own setting: when set, that key is used and printed as is
#   CONNECT_API_KEY        API key to accept (default: generated once, kept in .local/api-key)
#   ASPNETCORE_URLS        listen address (default http://127.0.0.1:5080)
#   ASPNETCORE_ENVIRONMENT default Development
#   CONNECT_START_TIMEOUT  seconds to wait for readiness before saying so (default 300; the API keeps starting)
#   plus everything build/db.sh understands (CONNECT_DB, CONNECT_PG_PORT, CONNECT_USE_LOCAL_PG, ...)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
KEY_FILE="$ROOT/.local/api-key"

CONNECT_DB="$("$ROOT/build/db.sh" connect)"

random_hex() { # $1 random bytes as hex
  if command -v openssl >/dev/null 2>&1; then
    openssl rand -hex "$1"
  else
    od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'
  fi
}

# The key: Connect__BootstrapApiKey as the user set it, else $CONNECT_API_KEY, else the one saved by an
# earlier run, else a new one (shaped like every generated key, ck_{id}_{64 hex}) saved for next time.
if [[ -n ${Connect__BootstrapApiKey:-} ]]; then
  key=$Connect__BootstrapApiKey
elif [[ -n ${CONNECT_API_KEY:-} ]]; then
  key=$CONNECT_API_KEY
else
  key=""
  [[ -f $KEY_FILE ]] && key="$(tr -d '[:space:]' <"$KEY_FILE")"
  if [[ -z $key ]]; then
    key="ck_$(random_hex 16)_$(random_hex 32)"
    mkdir -p "$ROOT/.local"
    (umask 077 && printf '%s\n' "$key" >"$KEY_FILE")
    chmod 600 "$KEY_FILE"
    echo "run.sh: generated an API key, saved in $KEY_FILE" >&2
  fi
fi

export ConnectionStrings__Connect="$CONNECT_DB"
export Connect__BootstrapApiKey="$key"
export Connect__DemoData=true
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

# Base URL for the banner: the first of possibly several ';'-separated URLs; wildcard hosts
# (0.0.0.0, *, +, [::]) are reachable as localhost.
url="${ASPNETCORE_URLS%%;*}"
url="$(sed -E 's#://(0\.0\.0\.0|\*|\+|\[::\])#://localhost#; s#/+$##' <<<"$url")"
db_shown="$(sed -E 's/(Password=)[^;]*/\1***/I' <<<"$CONNECT_DB")" # no secrets on screen

project="$ROOT/src/Connect.Api/Connect.Api.csproj"
echo "run.sh: building the API (Release) ..." >&2
build_started=$SECONDS
dotnet build "$project" -c Release --nologo -v quiet "-clp:ErrorsOnly;NoSummary" >&2
echo "run.sh: built in $((SECONDS - build_started)) s; starting it ($ASPNETCORE_ENVIRONMENT, demo data on) ..." >&2

dotnet run --no-build --project "$project" -c Release --no-launch-profile "$@" &
api=$!
trap 'kill -TERM "$api" 2>/dev/null' INT TERM

ready() { # GET $url/health/ready answers 200
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -o /dev/null --max-time 2 "$url/health/ready" 2>/dev/null
  else
    local hostport="${url#*://}" && hostport="${hostport%%/*}"
    { exec 3<>"/dev/tcp/${hostport%:*}/${hostport##*:}" &&
      printf 'GET /health/ready HTTP/1.0\r\nHost: %s\r\n\r\n' "$hostport" >&3 &&
      head -n1 <&3 | grep -q ' 200 '; } 2>/dev/null
  fi
}

started=$SECONDS
warned=false
until ready; do
  if ! kill -0 "$api" 2>/dev/null; then
    code=0
    wait "$api" || code=$?
    echo "run.sh: the API stopped before it was ready (exit $code); see its log above" >&2
    exit "$code"
  fi
  if [[ $warned == false ]] && ((SECONDS - started >= ${CONNECT_START_TIMEOUT:-300})); then
    echo "run.sh: $url/health/ready has not answered for ${CONNECT_START_TIMEOUT:-300} s (database down?); still waiting" >&2
    warned=true
  fi
  sleep 0.5
done

cat >&2 <<EOF

  Connect is ready ($ASPNETCORE_ENVIRONMENT, demo data on, started in $((SECONDS - started)) s)

    API       $url
    Docs      $url/docs
    OpenAPI   $url/openapi/v1.json
    Metrics   $url/metrics
    API key   $key
    Database  $db_shown

  Try:
    curl -H "X-Api-Key: $key" $url/product-catalogs/default

EOF

code=0
wait "$api" || code=$?
# A trapped signal ends the first wait at once: let the API finish stopping before the script does.
while kill -0 "$api" 2>/dev/null; do wait "$api" || code=$?; done
exit "$code"
