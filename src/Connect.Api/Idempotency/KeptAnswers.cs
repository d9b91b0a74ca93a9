using Connect.SharedKernel.Http;

namespace Connect.Api.Idempotency;

/// <summary>Which answers are kept for replay, and in what form.</summary>
internal static class KeptAnswers
{
    public static KeptAnswer Of(HttpContext http, byte[] body)
    {
        var response = http.Response;
        return new KeptAnswer(response.StatusCode, response.ContentType, Header(response.Headers.ETag), Header(response.Headers.Location), body);
    }

    /// <summary>
    /// Kept: 2xx, 3xx and 4xx answers (a refusal is the request's answer too, and replaying it keeps a retry from
    /// changing something the first attempt did not). Not kept: 5xx (the client may retry), an answer the caller
    /// left before any was made, and an oversized one.
    /// </summary>
    public static bool ShouldKeep(HttpContext http, KeptAnswer answer, IdempotencyOptions options) =>
        answer.Status < 500
        && !(http.RequestAborted.IsCancellationRequested && answer.Body.Length == 0)
        && answer.Body.Length <= options.MaxKeptAnswerBytes;

    /// <summary>
    /// A success answer that shows a secret is kept as a problem pointing at what was made: the secret is never
    /// written to the database, and a repeat still creates nothing new.
    /// </summary>
    public static KeptAnswer WithoutSecret(HttpContext http, KeptAnswer answer)
    {
        if (answer.Status >= 300 || http.GetEndpoint()?.Metadata.GetMetadata<SecretAnswer>() is null) return answer;
        var problem = Problems.Create(http, 409, "idempotency_answer_withheld", "Answer not replayable",
            "This request already succeeded" + (answer.Location is null ? "" : $" and created {answer.Location}") +
            ". Its answer showed a secret once and is not kept; if the secret was lost, revoke what was created and create another.");
        return new KeptAnswer(409, Problems.ContentType, null, answer.Location, Problems.Serialize(problem));
    }

    private static string? Header(Microsoft.Extensions.Primitives.StringValues value) => value.Count == 0 ? null : value.ToString();
}
