using System.Net;
using System.Text.Json.Nodes;

namespace Connect.IntegrationTests.Infrastructure;

/// <summary>Reads a resource until it shows what a background process (a reaction, a schedule) should make of it.</summary>
public static class Eventually
{
    public static async Task<JsonNode> ReadAsync(HttpClient client, string path, Func<JsonNode, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var read = await (await client.GetAsync(path)).ShouldBe(HttpStatusCode.OK);
            if (done(read)) return read;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{path} still reads {read.ToJsonString()}");
            await Task.Delay(50);
        }
    }
}
