using System.Text.Json.Nodes;
using CsCheck;
using static Connect.IntegrationTests.Reliability.Damage.FuzzWorld;

namespace Connect.IntegrationTests.Reliability.Damage;

/// <summary>
/// Hostile writes to the resources of <see cref="FuzzWorld"/>: PATCHes, archive and restore, promo code creates and
/// deactivations, and creates with an id that exists, a new one or none, each with a mutated valid body and, now
/// and then, conditional headers that are stale, malformed or that must refuse the write.
/// </summary>
internal static class FuzzRequests
{
    private static readonly (string? IfMatch, string? IfNoneMatch)[] Conditions =
    [
        (null, null), (null, null), (null, null), (null, null), (null, null), (null, null), (null, null), (null, null),
        (FuzzRequest.Current, null), ("\"stale\"", null), ("stale", null), ("\"a\", b", null), ("*", null), ("W/" + FuzzRequest.Current, null),
        (null, "*"), (null, FuzzRequest.Current), (FuzzRequest.Current, "*"), ("\"stale\", " + FuzzRequest.Current, null), ("", null),
        ("\"" + new string('e', 5000) + "\"", null), ("*, \"a\"", null), (null, "W/\"x\", \"y\""),
    ];

    private static readonly Gen<(string? IfMatch, string? IfNoneMatch)> Condition = Gen.OneOf(Conditions);

    public static readonly Gen<FuzzRequest> All = Gen.OneOf(
        Patch("product", "/products", [.. Products, Missing], Product()),
        Patch("group", "/product-offering-groups", [.. Groups, Missing], Group()),
        Patch("offering", "/product-offerings", [.. Offerings, Missing], Offering()),
        Patch("catalog", "/product-catalogs", [.. Catalogs, Missing], FuzzWorld.Catalog()),
        StatusChange("archive"),
        StatusChange("restore"),
        Create("product", "/products", "productId", Products, Product()),
        Create("group", "/product-offering-groups", "productOfferingGroupId", Groups, Group()),
        Create("offering", "/product-offerings", "productOfferingId", Offerings, Offering()),
        Create("catalog", "/product-catalogs", "productCatalogId", Catalogs, FuzzWorld.Catalog()),
        CreatePromoCode(),
        Deactivate());

    private static Gen<FuzzRequest> Patch(string kind, string path, string[] ids, JsonObject valid) =>
        Gen.Select(Gen.OneOf(ids), BodyMutations.Of(valid), Condition, (id, body, condition) =>
            new FuzzRequest("PATCH", $"{path}/{id}", body.Text, body.Mutation, new FuzzTarget(kind, id), condition.IfMatch, condition.IfNoneMatch));

    private static Gen<FuzzRequest> StatusChange(string verb) =>
        Gen.Select(Gen.OneOf([.. Offerings, Missing]), BodyMutations.Of(Reason()), Gen.Int[0, 4], Condition, (id, body, shape, condition) =>
            new FuzzRequest("POST", $"/product-offerings/{id}/{verb}", shape == 0 ? null : shape == 1 ? Reason().ToJsonString() : body.Text,
                shape == 0 ? "no body" : shape == 1 ? "valid body" : body.Mutation, new FuzzTarget("offering", id), condition.IfMatch, condition.IfNoneMatch));

    /// <summary>A create whose id is an existing one, a new one, or left to the server.</summary>
    private static Gen<FuzzRequest> Create(string kind, string path, string idProperty, string[] existing, JsonObject valid) =>
        from id in NewOrExisting("fz-", existing)
        from body in BodyMutations.Of(With((JsonObject)valid.DeepClone(), idProperty, id))
        from condition in Condition
        select new FuzzRequest("POST", path, body.Text, body.Mutation, new FuzzTarget(kind, id ?? ""), condition.IfMatch, condition.IfNoneMatch);

    private static Gen<FuzzRequest> CreatePromoCode() =>
        from code in NewOrExisting("FZ", PromoCodes)
        from body in BodyMutations.Of(code is null ? Without(PromoCode(), "code") : PromoCode(code))
        from condition in Condition
        select new FuzzRequest("POST", "/promo-codes", body.Text, body.Mutation, new FuzzTarget("promo", code ?? ""), condition.IfMatch, condition.IfNoneMatch);

    private static Gen<FuzzRequest> Deactivate() =>
        Gen.Select(Gen.OneOf([.. PromoCodes, "save20", Missing]), BodyMutations.Of(Reason()), Gen.Int[0, 3], Condition, (code, body, shape, condition) =>
            new FuzzRequest("POST", $"/promo-codes/{code}/deactivate", shape == 0 ? null : shape == 1 ? "{}" : body.Text,
                shape == 0 ? "no body" : shape == 1 ? "empty object" : body.Mutation, new FuzzTarget("promo", code), condition.IfMatch, condition.IfNoneMatch));

    private static Gen<string?> NewOrExisting(string prefix, string[] existing) =>
        Gen.Select(Gen.Int[0, 2], Gen.OneOf(existing), Gen.Int[0, 99], (shape, id, n) => shape switch
        {
            0 => id,
            1 => $"{prefix}{n}",
            _ => null,
        });

    private static JsonObject Without(JsonObject body, string property)
    {
        body.Remove(property);
        return body;
    }
}
