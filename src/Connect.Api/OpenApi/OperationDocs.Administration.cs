namespace Connect.Api.OpenApi;

internal static partial class OperationDocs
{
    private static IEnumerable<KeyValuePair<string, OperationDoc>> Administration()
    {
        yield return Op("GET /health/live", new("getLiveness", "Liveness", "200 while the process answers. No key needed."));
        yield return Op("GET /health/ready", new("getReadiness", "Readiness",
            "200 while the database answers, else 503 with `Retry-After`. No key needed.")
        { Problems = Problems((503, "The database is not reachable.")) });
        yield return Op("GET /me", new("getMe", "Describe the calling key",
            "The key's id, name, scopes, customer context, expiry and rate limit: what the service knows about the caller."));

        yield return Op("POST /api-keys", new("createApiKey", "Create an API key",
            "Makes a key and returns its plaintext `key` this once (only a hash is stored). A key cannot hold scopes, or a "
            + "rate limit, beyond its creator's (403 `key_exceeds_caller`).")
        { Tagged = true, Problems = Problems((409, "A key with this id exists already.")) });
        yield return Op("GET /api-keys", new("listApiKeys", "List API keys", "Keys, paged; never the key itself.")
        { Query = QueryParameter.Paging });
        yield return Op("GET /api-keys/{apiKeyId}", new("getApiKey", "Get an API key", "One key; never the key itself.") { Tagged = true });
        yield return Op("GET /api-keys/{apiKeyId}/history", new("getApiKeyHistory", "Get an API key's history",
            "What happened to the key (created, revoked, expired), oldest first.") { Tagged = true });
        yield return Op("POST /api-keys/{apiKeyId}/revoke", new("revokeApiKey", "Revoke an API key",
            "The key stops working on every node within the key cache time. The last key holding `keys:admin` cannot be revoked.")
        { Tagged = true, Conditional = true, Problems = Problems((409, "The key is the last one holding `keys:admin` (`last_admin_key`), or revoked already.")) });

        yield return Op("POST /promo-codes", new("createPromoCode", "Create a promo code",
            "A code (case-insensitive) giving a percentage or an amount off the offerings it applies to (empty `appliesTo` = all).")
        { Tagged = true, Problems = Problems((409, "A code with this name exists already.")) });
        yield return Op("GET /promo-codes", new("listPromoCodes", "List promo codes", "Codes, paged.") { Query = QueryParameter.Paging });
        yield return Op("GET /promo-codes/{code}", new("getPromoCode", "Get a promo code", "One code.") { Tagged = true });
        yield return Op("GET /promo-codes/{code}/history", new("getPromoCodeHistory", "Get a promo code's history",
            "What happened to the code (created, deactivated), oldest first.") { Tagged = true });
        yield return Op("POST /promo-codes/{code}/deactivate", new("deactivatePromoCode", "Deactivate a promo code",
            "The code stops applying at once; prices with it answer 422 `promo_code_invalid` (`reason: inactive`).")
        { Tagged = true, Conditional = true, Problems = Problems((409, "The code is deactivated already.")) });
    }
}
