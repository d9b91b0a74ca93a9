using System.Text.Json.Nodes;

namespace Connect.IntegrationTests.Reliability.Damage;

/// <summary>Every node of a JSON document with its path, its parent and its key (a name or an index) there.</summary>
internal static class JsonPaths
{
    public static List<(string Path, JsonNode? Parent, object? Key, JsonNode? Node)> Of(JsonObject root)
    {
        var found = new List<(string, JsonNode?, object?, JsonNode?)> { ("$", null, null, root) };
        Walk(root, "");
        return found;

        void Walk(JsonNode node, string at)
        {
            if (node is JsonObject o)
                foreach (var (name, child) in o.ToList())
                {
                    var path = at.Length == 0 ? name : $"{at}.{name}";
                    found.Add((path, o, name, child));
                    if (child is not null) Walk(child, path);
                }
            else if (node is JsonArray a)
                for (var i = 0; i < a.Count; i++)
                {
                    found.Add(($"{at}[{i}]", a, i, a[i]));
                    if (a[i] is { } item) Walk(item, $"{at}[{i}]");
                }
        }
    }
}
