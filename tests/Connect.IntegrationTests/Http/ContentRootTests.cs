using System.Diagnostics;
using System.Text.RegularExpressions;
using Connect.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.IntegrationTests.Http;

/// <summary>
/// Started from any working directory, the service reads its own <c>appsettings.json</c>: the framework's request
/// lines (which write decoded paths as they are) stay at Warning and below what the log shows.
/// </summary>
public sealed partial class ContentRootTests(ConnectApiFactory api) : ApiTest(api)
{
    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex Listening();

    [Fact]
    public async Task Given_the_service_started_from_another_directory_When_it_answers_Then_its_content_root_is_its_own_directory_and_no_framework_request_lines_are_logged()
    {
        var appDirectory = AppContext.BaseDirectory;
        var elsewhere = Directory.CreateTempSubdirectory("connect-cwd-").FullName;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appDirectory, "Connect.Api.dll")])
        {
            WorkingDirectory = elsewhere, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Connect"] = Api.Services.GetRequiredService<IConfiguration>().GetConnectionString("Connect");
        start.Environment["Connect__BootstrapApiKey"] = ConnectApiFactory.AdminKey;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var inherited in new[] { "ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT" }) start.Environment.Remove(inherited);

        using var process = Process.Start(start)!;
        var output = new List<string>();
        try
        {
            var url = await ReadUntilListeningAsync(process, output);
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            client.DefaultRequestHeaders.Add("X-Api-Key", ConnectApiFactory.AdminKey);
            await client.GetAsync("/product-offerings/x%0d%0a[12:00:00%20INF]%20forged");
            await client.GetAsync("/health/live");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(elsewhere, recursive: true);
        }
        output.AddRange((await process.StandardOutput.ReadToEndAsync()).Split('\n'));

        output.Should().Contain(l => l.Contains("Content root path: " + appDirectory.TrimEnd('/')));
        output.Should().NotContain(l => l.Contains("Request starting") || l.Contains("forged") && !l.Contains("%0D%0A"));
    }

    private static async Task<string> ReadUntilListeningAsync(Process process, List<string> output)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            output.Add(line);
            if (Listening().Match(line) is { Success: true } match) return match.Groups["url"].Value;
        }
        throw new InvalidOperationException("The service stopped before it listened: " + string.Join('\n', output) + await process.StandardError.ReadToEndAsync());
    }
}
