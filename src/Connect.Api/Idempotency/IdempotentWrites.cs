using Connect.Identity.Contracts;
using Connect.SharedKernel.Http;
using Marten;
using Microsoft.AspNetCore.Http.Features;

namespace Connect.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on every POST and PATCH (spec §11), once for all endpoints: the first answer is kept per
/// API key and replayed to a repeat of the same request, on any node. Runs after authorization (the key is the
/// scope; refused requests keep nothing) and around the endpoints' problem answers (4xx answers are kept).
/// </summary>
internal static class IdempotentWrites
{
    public static IServiceCollection AddIdempotentWrites(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(IdempotencyOptions.Section).Get<IdempotencyOptions>() ?? new IdempotencyOptions();
        services.AddSingleton(options);
        services.ConfigureMarten(marten => marten.Storage.ExtendedSchemaObjects.Add(IdempotencyTable.Define()));
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<IdempotencyCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencyCleanup>());
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", IdempotencyOpenApi.Describe);
        return services;
    }

    public static IApplicationBuilder UseIdempotentWrites(this WebApplication app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPatch(request.Method))
            || !request.Headers.TryGetValue(IdempotentRequest.KeyHeader, out var keys)
            || http.User.Identity?.IsAuthenticated != true)
        {
            await next(http);
            return;
        }
        if (keys.Count != 1 || !IdempotentRequest.IsWellFormed(keys[0]))
        {
            await Problems.WriteAsync(http, Problems.Create(http, 400, "idempotency_key_invalid", "Invalid Idempotency-Key",
                $"Send one {IdempotentRequest.KeyHeader} of 1 to {IdempotentRequest.MaxKeyLength} visible ASCII characters."));
            return;
        }

        var apiKeyId = http.User.GetApiKeyId();
        var key = keys[0]!;
        var store = http.RequestServices.GetRequiredService<IdempotencyStore>();
        var fingerprint = await IdempotentRequest.FingerprintAsync(request, http.RequestAborted);
        switch (await store.ClaimAsync(apiKeyId, key, fingerprint, http.RequestAborted))
        {
            case Claim.Owned owned:
                await RunAndKeepAsync(http, next, store, apiKeyId, key, owned.Token);
                break;
            case Claim.Replay replay:
                await ReplayAsync(http, replay.Answer);
                break;
            case Claim.Mismatch:
                await Problems.WriteAsync(http, Problems.Create(http, 422, "idempotency_key_mismatch", "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request (method, path or body). Use a new key for a new request."));
                break;
            default:
                await Problems.WriteAsync(http, Problems.Create(http, 409, "idempotency_key_in_use", "Idempotency-Key in use",
                    "A request with this Idempotency-Key is still running. Retry shortly."));
                break;
        }
    });

    private static async Task RunAndKeepAsync(HttpContext http, RequestDelegate next, IdempotencyStore store, string apiKeyId,
        string key, Guid token)
    {
        var options = http.RequestServices.GetRequiredService<IdempotencyOptions>();
        var responseBody = http.Features.Get<IHttpResponseBodyFeature>()!;
        using var captured = new MemoryStream();
        http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(captured));
        var kept = false;
        try
        {
            await next(http);
            var answer = KeptAnswers.Of(http, captured.ToArray());
            if (KeptAnswers.ShouldKeep(http, answer, options))
            {
                // The write has committed: from here the caller gets its answer whatever happens to the record.
                kept = true;
                await KeepQuietlyAsync(http, store, apiKeyId, key, token, KeptAnswers.WithoutSecret(http, answer));
            }
        }
        finally
        {
            http.Features.Set(responseBody);
            if (!kept) await ReleaseQuietlyAsync(http, store, apiKeyId, key, token);
        }
        captured.Position = 0;
        await captured.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext http, KeptAnswer answer)
    {
        var response = http.Response;
        response.StatusCode = answer.Status;
        if (answer.ContentType is not null) response.ContentType = answer.ContentType;
        if (answer.ETag is not null) response.Headers.ETag = answer.ETag;
        if (answer.Location is not null) response.Headers.Location = answer.Location;
        response.Headers[IdempotentRequest.ReplayedHeader] = "true";
        await response.Body.WriteAsync(answer.Body, http.RequestAborted);
    }

    /// <summary>
    /// An answer that could not be kept leaves the key held until its lease ends (a repeat meanwhile gets 409,
    /// not a second run), and then free: the caller still gets the answer of the write that happened.
    /// </summary>
    private static async Task KeepQuietlyAsync(HttpContext http, IdempotencyStore store, string apiKeyId, string key, Guid token, KeptAnswer answer)
    {
        try { await store.CompleteAsync(apiKeyId, key, token, answer); }
        catch (Exception ex) { Warn(http, ex, apiKeyId, "keep the answer of"); }
    }

    /// <summary>A failed release only delays a retry until the lease ends; the caller's answer matters more.</summary>
    private static async Task ReleaseQuietlyAsync(HttpContext http, IdempotencyStore store, string apiKeyId, string key, Guid token)
    {
        try { await store.ReleaseAsync(apiKeyId, key, token); }
        catch (Exception ex) { Warn(http, ex, apiKeyId, "release"); }
    }

    private static void Warn(HttpContext http, Exception error, string apiKeyId, string what) =>
        http.RequestServices.GetRequiredService<ILogger<IdempotencyStore>>().LogWarning(
            "Could not {What} an Idempotency-Key of key {ApiKeyId} ({Error}); the key frees itself when its lease ends",
            what, apiKeyId, error.GetType().Name);
}
