namespace Connect.Api;

/// <summary>
/// Where the host finds <c>appsettings.json</c>: the content root configured (<c>--contentRoot</c>,
/// <c>ASPNETCORE_CONTENTROOT</c>, <c>DOTNET_CONTENTROOT</c>), else the application's own directory. Never the
/// working directory, which would leave a service started from elsewhere without its settings (log levels
/// included, and with them what the framework writes into the log).
/// </summary>
internal static class ContentRoot
{
    public static string Of(string[] args)
    {
        var configured = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_").AddEnvironmentVariables("ASPNETCORE_").AddCommandLine(args)
            .Build()[WebHostDefaults.ContentRootKey];
        return string.IsNullOrEmpty(configured) ? AppContext.BaseDirectory : configured;
    }
}
