using System.Text.Json;
using Connect.SharedKernel;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Http;
using JasperFx;
using Marten.Exceptions;
using Npgsql;

namespace Connect.Api.Errors;

/// <summary>
/// Every non-2xx answer is an RFC 9457 problem with a stable code (spec §2). Expected failures map to
/// their status; anything unexpected is a 500 that says nothing about the inside.
/// </summary>
internal static class ProblemResponses
{
    public static IApplicationBuilder UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionProblems();
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var (code, title, detail) = http.Response.StatusCode switch
            {
                404 => ("not_found", "Not found", "No resource or endpoint answers at this path."),
                405 => ("method_not_allowed", "Method not allowed", "This path does not accept that method."),
                415 => ("unsupported_media_type", "Unsupported media type", "Send the body as application/json in UTF-8."),
                413 => ("payload_too_large", "Payload too large", "The request body is larger than allowed."),
                414 => ("uri_too_long", "URI too long", "The request's address is longer than allowed."),
                400 => ("bad_request", "Bad request", "The request is malformed."),
                _ => ("error", "Error", "The request could not be completed."),
            };
            await Problems.WriteAsync(http, Problems.Create(http, http.Response.StatusCode, code, title, detail));
        });
        return app;
    }

    /// <summary>
    /// Turns an exception into its problem answer. The outermost one catches every failure; a second one inside
    /// idempotent writes lets them keep the problem an endpoint answered.
    /// </summary>
    public static IApplicationBuilder UseExceptionProblems(this WebApplication app)
    {
        return app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception error) when (!http.Response.HasStarted)
            {
                if (error is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
                    return; // the caller went away; nobody is left to answer
                var problem = Map(http, error);
                if (problem.Status >= 500 && problem.Code == "internal_error")
                    app.Logger.LogError(error, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
                http.Response.Clear();
                // After Clear(), which drops headers too.
                if (problem.Status == 503)
                    http.Response.Headers.RetryAfter = "5";
                if (error is RateLimitedException limited)
                    http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(limited.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.WriteAsync(http, problem);
            }
        });
    }

    private static ProblemDocument Map(HttpContext http, Exception error) => error switch
    {
        ConnectException e => Problems.From(http, e),
        BadHttpRequestException { InnerException: JsonException json } => Validation(http, JsonErrors.ToFieldError(json)),
        BadHttpRequestException { StatusCode: 413 } => Problems.Create(http, 413, "payload_too_large", "Payload too large", "The request body is larger than allowed."),
        BadHttpRequestException { StatusCode: 415 } => Problems.Create(http, 415, "unsupported_media_type", "Unsupported media type", "Send the body as application/json in UTF-8."),
        BadHttpRequestException e when e.Message.Contains("body", StringComparison.OrdinalIgnoreCase) =>
            Validation(http, new FieldError("", "A JSON object body is required.")),
        BadHttpRequestException => Problems.Create(http, 400, "bad_request", "Bad request", "The request is malformed."),
        // A writer committed between our read and our write: with If-Match the caller's tag is stale (412),
        // without it the caller should simply retry (409).
        ConcurrencyException or AggregateException { InnerExceptions: [ConcurrencyException, ..] } =>
            http.Request.Headers.IfMatch.Count > 0
                ? Problems.From(http, new PreconditionFailedException())
                : Problems.Create(http, 409, "conflict", "Conflict", "The resource changed while this request was applied. Read it again and retry."),
        // A create also starts the resource's event stream, so a taken id can surface as either.
        DocumentAlreadyExistsException or ExistingStreamIdCollisionException =>
            Problems.Create(http, 409, "conflict", "Conflict", "A resource with this id already exists."),
        MartenCommandException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
            Problems.Create(http, 409, "conflict", "Conflict", "The change conflicts with another resource (for example a second default catalog for the same customer type and locale)."),
        _ when HasPostgresState(error, PostgresErrorCodes.UntranslatableCharacter, PostgresErrorCodes.CharacterNotInRepertoire) =>
            Validation(http, new FieldError("", "Text may not contain NUL or other characters PostgreSQL cannot store.")),
        _ when DatabaseErrors.IsUnreachable(error) => Problems.Create(http, 503, "unavailable", "Service unavailable", "The database is not reachable. Retry shortly."),
        _ => Problems.Create(http, 500, "internal_error", "Internal error", "Something went wrong on our side. The trace id identifies it in our logs."),
    };

    private static ProblemDocument Validation(HttpContext http, FieldError error) =>
        Problems.From(http, new ValidationFailedException([error]));

    private static bool HasPostgresState(Exception error, params string[] states)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is PostgresException postgres && states.Contains(postgres.SqlState))
                return true;
        return false;
    }

}
