using System.Text.Json.Nodes;

namespace Connect.IntegrationTests.TimeTravel;

/// <summary>A catalog's offerings by id (each as its JSON), and what applying a diff to them gives.</summary>
internal static class DiffApplied
{
    public static Dictionary<string, string> Offerings(JsonNode from, JsonNode diff)
    {
        var offerings = Offerings(from);
        foreach (var removed in diff["removed"]!.AsArray()) offerings.Remove(removed!["productOfferingId"]!.GetValue<string>());
        foreach (var changed in diff["changed"]!.AsArray()) offerings[changed!["productOfferingId"]!.GetValue<string>()] = changed["after"]!.ToJsonString();
        foreach (var added in diff["added"]!.AsArray()) offerings[added!["productOfferingId"]!.GetValue<string>()] = added.ToJsonString();
        return offerings;
    }

    public static Dictionary<string, string> Offerings(JsonNode catalog) =>
        catalog["productOfferings"]!.AsArray().ToDictionary(o => o!["productOfferingId"]!.GetValue<string>(), o => o!.ToJsonString());
}
