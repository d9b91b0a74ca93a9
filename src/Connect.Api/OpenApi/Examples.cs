using System.Text.Json.Nodes;

namespace Connect.Api.OpenApi;

/// <summary>The published examples ("Seamless 10GB", "US Consumer Catalog"), as the demo catalog serves them.</summary>
internal static class Examples
{
    public const string Offering = "seamless-10gb";
    public const string Catalog = "us-consumer-catalog";

    public static JsonNode Load(string name)
    {
        using var stream = typeof(Examples).Assembly.GetManifestResourceStream($"Connect.Api.OpenApi.Examples.{name}.json")
            ?? throw new InvalidOperationException($"The example {name} is not embedded.");
        return JsonNode.Parse(stream)!;
    }
}
