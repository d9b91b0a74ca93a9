using System.Globalization;
using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Telemetry;

/// <summary>One Prometheus text scrape of <c>/metrics</c>, read the way an operator's queries read it.</summary>
internal sealed class MetricsScrape(string text)
{
    public string Text { get; } = text;

    public static async Task<MetricsScrape> TakeAsync(ConnectApiFactory api)
    {
        var response = await api.Client(null).GetAsync("/metrics");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return new MetricsScrape(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Scrapes until <paramref name="done"/> holds (up to 10 s), and returns the last scrape.</summary>
    public static async Task<MetricsScrape> UntilAsync(ConnectApiFactory api, Func<MetricsScrape, bool> done)
    {
        var scrape = await TakeAsync(api);
        for (var attempt = 0; attempt < 100 && !done(scrape); attempt++)
        {
            await Task.Delay(100);
            scrape = await TakeAsync(api);
        }
        return scrape;
    }

    /// <summary>The sum of the samples of <paramref name="metric"/> whose labels include <paramref name="label"/> (0 when none).</summary>
    public double Value(string metric, string label = "") =>
        Samples(metric).Where(s => s.Labels.Contains(label, StringComparison.Ordinal)).Sum(s => s.Value);

    /// <summary>How much <paramref name="metric"/> (the samples with <paramref name="label"/>) rose since <paramref name="before"/>.</summary>
    public double RiseSince(MetricsScrape before, string metric, string label = "") => Value(metric, label) - before.Value(metric, label);

    private IEnumerable<(string Labels, double Value)> Samples(string metric)
    {
        foreach (var line in Text.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(metric, StringComparison.Ordinal)) continue;
            var rest = line[metric.Length..];
            var labels = rest.StartsWith('{') ? rest[..(rest.IndexOf('}') + 1)] : "";
            if (labels.Length == 0 && !rest.StartsWith(' ')) continue; // a longer name with this one as its prefix
            var value = rest[labels.Length..].Trim().Split(' ')[0];
            yield return (labels, double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
    }
}
