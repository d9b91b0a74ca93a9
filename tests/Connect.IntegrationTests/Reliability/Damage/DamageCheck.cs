using System.Text;

namespace Connect.IntegrationTests.Reliability.Damage;

/// <summary>An invariant a hostile request broke.</summary>
internal sealed class DamageException(string message) : Exception(message);

/// <summary>
/// Sends one hostile request and checks what it did, not only how it was answered: no 5xx; every 4xx a problem
/// document; every list and every resource of the kind it touched still readable; a refused request changed
/// none of the bytes it could have touched; an accepted write answered exactly what the next GET answers.
/// </summary>
/// <param name="client">Sends the requests.</param>
/// <param name="settled">Waits until work that follows the change log (reactions) has caught up, so what it changes
/// later is never taken for a change made by the next request.</param>
internal sealed class DamageCheck(HttpClient client, Func<Task> settled)
{
    public int Requests { get; private set; }
    public int Checks { get; private set; }

    /// <summary>How many requests got each status (to see the fuzz reaches the validators and the storage).</summary>
    public SortedDictionary<int, int> Statuses { get; } = [];

    public async Task RunAsync(FuzzRequest request)
    {
        Requests++;
        await settled();
        var touched = Touched(request.Target).ToList();
        var before = await ReadAllAsync(touched);
        var current = request.Target.Id.Length > 0 && before.TryGetValue(request.Target.Url, out var t) ? t.ETag ?? "\"none\"" : "\"none\"";
        using var response = await SendAsync(request, current);
        var status = (int)response.StatusCode;
        Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
        var body = await response.Content.ReadAsByteArrayAsync();

        That(status < 500, $"answered {status}: {Text(body)}");
        if (status >= 400)
            That(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"answered {status} without a problem document");

        var after = await ReadAllAsync(touched.Concat(FuzzWorld.Lists).Append(FuzzWorld.DefaultCatalog).Distinct());
        foreach (var list in FuzzWorld.Lists)
            That(after[list].Status == 200, $"then GET {list} answered {after[list].Status}: {Text(after[list].Body)}");
        var fallback = after[FuzzWorld.DefaultCatalog];
        That(fallback.Status is 200 or 404 && fallback.IsProblemOrJson, $"then GET {FuzzWorld.DefaultCatalog} answered {fallback.Status}: {Text(fallback.Body)}");
        foreach (var seeded in FuzzWorld.Seeded().Where(s => s.Kind == request.Target.Kind))
        {
            var read = await ReadAsync(seeded.Url);
            That(read.Status == 200, $"then GET {seeded.Url} answered {read}");
        }

        if (status >= 400)
            foreach (var url in touched)
                That(before[url].SameAs(after[url]), $"was refused with {status} yet changed {url}:\n  before {before[url]}\n  after  {after[url]}");
        else
            await CheckAcceptedAsync(request, response, body);
    }

    /// <summary>Every resource of the run by id still answers 200 (done now and then, and at the end).</summary>
    public async Task SweepAsync()
    {
        foreach (var seeded in FuzzWorld.Seeded())
        {
            var read = await ReadAsync(seeded.Url);
            That(read.Status == 200, $"GET {seeded.Url} answered {read}");
        }
    }

    private async Task CheckAcceptedAsync(FuzzRequest request, HttpResponseMessage response, byte[] body)
    {
        var url = response.Headers.Location?.OriginalString ?? request.Target.Url;
        var read = await ReadAsync(url);
        That(read.Status == 200, $"was accepted ({(int)response.StatusCode}) but GET {url} answered {read.Status}: {Text(read.Body)}");
        var etag = response.Headers.ETag?.ToString();
        That(etag is not null && etag == read.ETag, $"answered ETag {etag} but GET {url} answers {read.ETag}");
        That(body.AsSpan().SequenceEqual(read.Body), $"answered a body other than GET {url}:\n  write {Text(body)}\n  get   {Text(read.Body)}");
    }

    private static IEnumerable<string> Touched(FuzzTarget target)
    {
        if (target.Id.Length > 0) yield return target.Url;
        switch (target.Kind)
        {
            case "promo": yield return "/promo-codes"; break;
            case "catalog": yield return "/product-catalogs"; yield return FuzzWorld.DefaultCatalog; break;
            default:
                yield return "/product-offerings?status=ALL&limit=1000";
                if (target.Kind == "group") yield return "/product-offering-groups";
                if (target.Kind == "offering") yield return FuzzWorld.DefaultCatalog;
                if (target.Kind == "offering" && target.Id.Length > 0) yield return target.Url + "/status-history";
                break;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(FuzzRequest request, string currentETag)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
        if (request.Body is not null) message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        if (request.IfMatch is not null) message.Headers.TryAddWithoutValidation("If-Match", request.IfMatch.Replace(FuzzRequest.Current, currentETag));
        if (request.IfNoneMatch is not null) message.Headers.TryAddWithoutValidation("If-None-Match", request.IfNoneMatch.Replace(FuzzRequest.Current, currentETag));
        try { return await client.SendAsync(message); }
        catch (Exception error) { throw new DamageException($"threw {error.GetType().Name}: {error.Message}"); }
    }

    private async Task<Dictionary<string, Snapshot>> ReadAllAsync(IEnumerable<string> urls)
    {
        var read = new Dictionary<string, Snapshot>();
        foreach (var url in urls) read[url] = await ReadAsync(url);
        return read;
    }

    private async Task<Snapshot> ReadAsync(string url)
    {
        using var response = await client.GetAsync(url);
        return new Snapshot((int)response.StatusCode, response.Headers.ETag?.ToString(), await response.Content.ReadAsByteArrayAsync(),
            response.Content.Headers.ContentType?.MediaType);
    }

    private void That(bool holds, string broken)
    {
        Checks++;
        if (!holds) throw new DamageException(broken);
    }

    private static string Text(byte[] body) => BodyMutations.Short(Encoding.UTF8.GetString(body));

    private sealed record Snapshot(int Status, string? ETag, byte[] Body, string? MediaType)
    {
        public bool IsProblemOrJson => MediaType is "application/json" or "application/problem+json";

        /// <summary>The same answer; a problem's traceId names the request, so it is left out.</summary>
        public bool SameAs(Snapshot other) => Status == other.Status && ETag == other.ETag &&
            (MediaType == "application/problem+json" ? Untraced(Body) == Untraced(other.Body) : Body.AsSpan().SequenceEqual(other.Body));

        private static string Untraced(byte[] problem)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(problem)!.AsObject();
            node.Remove("traceId");
            return node.ToJsonString();
        }

        public override string ToString() => $"{Status} {ETag} {Text(Body)}";
    }
}
