namespace Connect.Api.OpenApi;

internal static partial class OperationDocs
{
    private const string WebhookTag = "The `ETag` is the settings' tag with the backlog (`\"<settings>.<backlog>\"`): a 304 needs both unchanged, "
        + "while `If-Match` on PATCH and DELETE compares the settings only, so deliveries meanwhile do not fail it.";

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

        yield return Op("POST /webhooks", new("createWebhook", "Create a webhook",
            "Catalog changes (the change log, spec §8) pushed to `url` as signed CloudEvents, in order, retried until delivered. "
            + "The signing `secret` is shown in this answer only. `url` must be http(s), without credentials, and not reach a "
            + "private, loopback, link-local or metadata address.")
        { Tagged = true });
        yield return Op("GET /webhooks", new("listWebhooks", "List webhooks", "Webhooks, paged; never their secrets.") { Query = QueryParameter.Paging });
        yield return Op("GET /webhooks/{webhookId}", new("getWebhook", "Get a webhook",
            "One webhook, with `backlog` (changes not yet delivered) and, when disabled, `disabledReason`; never its secret. " + WebhookTag)
        { Tagged = true });
        yield return Op("PATCH /webhooks/{webhookId}", new("updateWebhook", "Update a webhook",
            "Changes `url`, `resourceTypes`, `description` or `enabled`; enabling it again resumes at the first undelivered change. " + Merge)
        { Tagged = true, Conditional = true });
        yield return Op("DELETE /webhooks/{webhookId}", new("deleteWebhook", "Delete a webhook",
            "Deliveries stop; 204. `If-Match` compares the settings part of the webhook's `ETag` (see getWebhook), so deliveries meanwhile do not fail it.")
        { Conditional = true });
        yield return Op("GET /webhooks/{webhookId}/deliveries", new("listWebhookDeliveries", "List a webhook's deliveries",
            "Delivery attempts, newest first, paged: the change's sequence, the attempt, when, the status code or error, how long, the next attempt.")
        { Query = QueryParameter.Paging });

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
