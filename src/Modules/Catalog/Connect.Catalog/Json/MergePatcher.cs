using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.SharedKernel;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Messaging;
using FluentValidation;

namespace Connect.Catalog.Json;

/// <summary>
/// PATCH as RFC 7396 merge patch over a resource's writable form: the current state is written out as
/// its create command, the patch merged in, and the result read back with the same strict rules and
/// validator as a create. One definition of "valid" for both verbs.
/// </summary>
internal static class MergePatcher
{
    public static async Task<T> ApplyAsync<T>(
        T current, JsonObject patch, string idProperty, string id, JsonSerializerOptions options,
        IValidator<T> validator, CancellationToken cancellationToken)
    {
        JsonObject merged;
        try
        {
            if (patch.TryGetPropertyValue(idProperty, out var idNode) &&
                !(idNode is JsonValue v && v.TryGetValue<string>(out var patchedId) && patchedId == id))
                throw new ValidationFailedException(idProperty, $"'{idProperty}' is read-only and cannot be changed.");
            merged = JsonMergePatch.Apply(JsonSerializer.SerializeToNode(current, options), patch)!.AsObject();
        }
        catch (ArgumentException)
        {
            // A parsed JsonObject reports a property given twice only when it is first read.
            throw new ValidationFailedException("", "A property is given more than once.");
        }
        merged[idProperty] = id;
        T result;
        try
        {
            result = merged.Deserialize<T>(options) ?? throw new ValidationFailedException("", "The body must be a JSON object.");
        }
        catch (JsonException error)
        {
            throw new ValidationFailedException([JsonErrors.ToFieldError(error)]);
        }

        var validation = await validator.ValidateAsync(result, cancellationToken);
        if (!validation.IsValid)
            throw new ValidationFailedException(validation.ToFieldErrors().ToList());
        return result;
    }
}
