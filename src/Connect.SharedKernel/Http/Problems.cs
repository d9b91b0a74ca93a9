using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Connect.SharedKernel.Errors;
using Microsoft.AspNetCore.Http;

namespace Connect.SharedKernel.Http;

/// <summary>RFC 9457 problem document with Connect's stable <c>code</c> (spec §2).</summary>
public sealed record ProblemDocument(
    string Type, string Title, int Status, string Detail, string Instance, string TraceId, string Code)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<FieldError>? Errors { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }
}

public static class Problems
{
    public const string ContentType = "application/problem+json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ProblemDocument Create(HttpContext http, int status, string code, string title, string detail) =>
        new($"https://connect.example/problems/{code.Replace('_', '-')}", title, status, detail,
            http.Request.Path, Activity.Current?.Id ?? http.TraceIdentifier, code);

    public static ProblemDocument From(HttpContext http, ConnectException error) =>
        Create(http, error.Status, error.Code, error.Title, error.Message) with
        {
            Errors = (error as ValidationFailedException)?.Errors,
            Reason = error.Reason,
        };

    public static Task WriteAsync(HttpContext http, ProblemDocument problem)
    {
        http.Response.StatusCode = problem.Status;
        http.Response.ContentType = ContentType;
        return http.Response.WriteAsync(JsonSerializer.Serialize(problem, Json));
    }

    /// <summary>The document as its body bytes.</summary>
    public static byte[] Serialize(ProblemDocument problem) => JsonSerializer.SerializeToUtf8Bytes(problem, Json);

    public static IResult Result(ProblemDocument problem) =>
        Results.Json(problem, Json, ContentType, problem.Status);
}
