using System.Text.Json.Nodes;
using CsCheck;

namespace Connect.IntegrationTests.Reliability.Damage;

/// <summary>A request body after a mutation, and what was done to the valid body it came from.</summary>
internal sealed record MutatedBody(string Text, string Mutation);

/// <summary>
/// Mutations of a valid body: pick a field path of it and replace, duplicate, wrap, nest, null or drop its value,
/// or add a property beside it. Most results still parse, so they reach the validators and the storage.
/// </summary>
internal static class BodyMutations
{
    private static readonly (string Currency, string Amount)[] MoneyBeyondMinorUnit =
        [("USD", "10.001"), ("JPY", "1.5"), ("BHD", "1.0001"), ("JPY", "1000.0"), ("USD", "10.10"), ("USD", "1e1"), ("KRW", "1E3"), ("USD", "-0")];

    private static readonly string[] ReadOnly = ["status", "createdAt", "updatedAt", "netPrice", "product", "group", "changedBy"];

    /// <summary>One or two mutations of <paramref name="valid"/>.</summary>
    public static Gen<MutatedBody> Of(JsonObject valid) =>
        Gen.Select(Step, Step, Gen.Int[1, 2], (a, b, count) =>
        {
            var mutator = new Mutator((JsonObject)valid.DeepClone());
            var steps = new[] { a, b }.Take(count).Select(mutator.Apply).ToList();
            return new MutatedBody(mutator.Text(), string.Join("; ", steps));
        });

    private static readonly Gen<(int Kind, int Path, int Value, int Depth)> Step =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, 63], Gen.Int[0, 127], Gen.OneOf(2, 64, 65, 1000));

    private sealed class Mutator(JsonObject body)
    {
        private readonly List<(string Marker, string Json)> _raw = [];

        /// <summary>The body with the raw tokens in place, the latest first: a later one may hold an earlier one's marker.</summary>
        public string Text() =>
            Enumerable.Reverse(_raw).Aggregate(body.ToJsonString(), (text, r) => text.Replace($"\"{r.Marker}\"", r.Json, StringComparison.Ordinal));

        private string Raw(string json)
        {
            var marker = $"@@{_raw.Count}@@";
            _raw.Add((marker, json));
            return marker;
        }

        public string Apply((int Kind, int Path, int Value, int Depth) step)
        {
            var paths = JsonPaths.Of(body);
            var (path, parent, key, node) = paths[step.Path % paths.Count];
            var owner = node as JsonObject ?? parent as JsonObject ?? body;
            static string Pick(string[] values, int index) => values[index % values.Length];
            switch (step.Kind)
            {
                case 0 or 1 or 2:
                    var value = Pick(Candidates(key, node), step.Value);
                    Replace(parent, key, Raw(value));
                    return $"{path} = {Short(value)}";
                case 3:
                    var duplicate = Pick(Candidates(key, node), step.Value);
                    var name = owner == parent && key is string k ? k : owner.FirstOrDefault().Key ?? "empty";
                    owner[Raw("\"" + name + "\"")] = Raw(step.Value % 2 == 0 && owner.ContainsKey(name) ? owner[name]?.ToJsonString() ?? "null" : duplicate);
                    return $"duplicate key {name} in {(owner == body ? "body" : path)}";
                case 4:
                    var wrapped = node?.ToJsonString() ?? "null";
                    var nested = HostileValues.Nested(wrapped, step.Value % 3 == 0 ? step.Depth : 1, step.Value % 2 == 0);
                    Replace(parent, key, Raw(nested));
                    return $"{path} wrapped {(step.Value % 3 == 0 ? step.Depth : 1)} deep";
                case 5:
                    if (node is JsonArray array) { array.Add(null); return $"{path} += null"; }
                    Replace(parent, key, Raw($"[{node?.ToJsonString() ?? "null"},null]"));
                    return $"{path} = [value, null]";
                case 6:
                    var unknown = Pick([.. ReadOnly, "unexpected", owner.FirstOrDefault().Key?.ToUpperInvariant() ?? "X", "$type", "__proto__"], step.Value);
                    owner[Raw("\"" + unknown + "\"")] = Raw(Pick(HostileValues.Anywhere, step.Value));
                    return $"property {unknown} added to {(owner == body ? "body" : path)}";
                case 7:
                    if (parent is JsonObject o && key is string gone) o.Remove(gone);
                    else if (parent is JsonArray a && key is int at) a.RemoveAt(at);
                    return $"{path} removed";
                case 8:
                    var (currency, amount) = MoneyBeyondMinorUnit[step.Value % MoneyBeyondMinorUnit.Length];
                    var money = body["price"] as JsonObject ?? body;
                    money["currency"] = currency;
                    money[money == body ? "value" : step.Value % 2 == 0 ? "grossPrice" : "discount"] = Raw(amount);
                    if (money == body) money["discountType"] = "AMOUNT";
                    return $"money {amount} {currency}";
                default:
                    var metadata = Pick(HostileValues.OddMetadata, step.Value);
                    (body.ContainsKey("metadata") ? body : owner)["metadata"] = Raw(metadata);
                    return $"metadata = {Short(metadata)}";
            }
        }

        private void Replace(JsonNode? parent, object? key, string marker)
        {
            if (parent is JsonObject o && key is string name) o[name] = marker;
            else if (parent is JsonArray a && key is int at) a[at] = marker;
            else body[Raw("\"x\"")] = marker; // the root itself: a body-level unknown property instead
        }

        private static string[] Candidates(object? key, JsonNode? node)
        {
            if (key is string name && name == "metadata") return HostileValues.OddMetadata;
            if (node is JsonValue value && value.TryGetValue<string>(out _))
                return key is string field && HostileValues.EnumFields.Contains(field) ? [.. HostileValues.ForEnums, .. HostileValues.ForStrings]
                    : HostileValues.ForStrings;
            if (node is JsonValue number && !number.TryGetValue<bool>(out _)) return HostileValues.ForNumbers;
            return HostileValues.Anywhere;
        }
    }

    public static string Short(string text) => text.Length <= 80 ? text : $"{text[..40]}…({text.Length} chars)…{text[^10..]}";
}
