namespace Connect.Api.OpenApi;

/// <summary>The document's words for every operation, keyed by <c>METHOD /route/{template}</c>.</summary>
internal static partial class OperationDocs
{
    public static readonly IReadOnlyDictionary<string, OperationDoc> All =
        CatalogReads().Concat(CatalogWrites()).Concat(Administration()).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static OperationDoc? Find(string method, string? relativePath) =>
        All.GetValueOrDefault($"{method} /{relativePath?.TrimEnd('/')}");

    private static KeyValuePair<string, OperationDoc> Op(string key, OperationDoc doc) => new(key, doc);

    private static Dictionary<int, string> Problems(params (int Status, string When)[] problems) =>
        problems.ToDictionary(p => p.Status, p => p.When);

    private const string Merge = "The body is a JSON merge patch (RFC 7396) over the writable form: what you send replaces, "
        + "`null` clears an optional field, and the result is validated exactly like a create. Ids, `status`, `createdAt`, "
        + "`updatedAt` and computed fields are read-only (400). Send `If-Match` with the ETag you read to be sure you change what you saw.";
}
