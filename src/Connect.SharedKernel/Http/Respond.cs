using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connect.SharedKernel.Http;

/// <summary>The few ways an endpoint answers, so every module's endpoints answer them the same way.</summary>
public static class Respond
{
    /// <summary>The host's JSON options (wire names, converters), for an endpoint that writes JSON itself.</summary>
    public static JsonSerializerOptions JsonOptions(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    /// <summary>200 with ETag (or 304), or a 404 problem.</summary>
    public static IResult Single<T>(HttpContext http, T? resource, string kind, string id) where T : class =>
        resource is null ? throw new NotFoundException(kind, id) : ETags.Json(http, resource, JsonOptions(http));

    public static IResult List<T>(HttpContext http, Page<T> page) =>
        Results.Json(ListResponse<T>.From(page), JsonOptions(http));

    /// <summary>
    /// The same list, with the items <paramref name="written"/> has bytes for (exactly as the serializer writes them
    /// with these options) placed into the envelope as they are, so items kept written out are not written again.
    /// </summary>
    public static IResult List<T>(HttpContext http, Page<T> page, Func<T, byte[]?> written) where T : class =>
        new ETags.BytesResult(ListBody(http, page, written), StatusCodes.Status200OK);

    /// <summary>The body <see cref="List{T}(HttpContext, Page{T}, Func{T, byte[]})"/> sends.</summary>
    public static byte[] ListBody<T>(HttpContext http, Page<T> page, Func<T, byte[]?> written) where T : class
    {
        var options = JsonOptions(http);
        var items = page.Items.Select(i => written(i) ?? JsonSerializer.SerializeToUtf8Bytes(i, options)).ToList();
        var envelope = JsonSerializer.SerializeToUtf8Bytes(ListResponse<T>.From(page with { Items = [] }), options);
        // The envelope starts {"items":[], so its first '[' opens the items.
        return JsonSplice.Into(envelope, "["u8, items);
    }

    /// <summary>
    /// 201 with the new resource, its ETag and Location. The preconditions are checked first: a create has no
    /// current representation, so If-Match (even <c>*</c>) fails it with 412 before anything is written.
    /// </summary>
    public static async Task<IResult> Created<T>(HttpContext http, Func<ValueTask<T>> create, string locationFormat, Func<T, string> id) where T : class
    {
        Preconditions.Of(http.Request).CheckNoCurrentResource();
        var resource = await create();
        http.Response.Headers.Location = string.Format(locationFormat, Uri.EscapeDataString(id(resource)));
        return ETags.Json(http, resource, JsonOptions(http), StatusCodes.Status201Created);
    }

    /// <summary>A PATCH body: a JSON object (read as an element, so a property given twice is a 400).</summary>
    public static JsonObject PatchBody(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) throw new ValidationFailedException("", "A JSON object body is required.");
        EnsureReadableText(body);
        return JsonObject.Create(body)!;
    }

    /// <summary>
    /// Escaped lone surrogates (<c>"\ud800"</c>) and invalid UTF-8 parse as JSON but cannot become .NET strings;
    /// find them here, as a 400, before anything tries to read or re-write the document.
    /// </summary>
    private static void EnsureReadableText(JsonElement element)
    {
        try
        {
            Walk(element);
        }
        catch (InvalidOperationException)
        {
            throw new ValidationFailedException("", "Text must be valid Unicode (no lone surrogates or invalid UTF-8).");
        }

        static void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in e.EnumerateObject()) { _ = property.Name; Walk(property.Value); }
                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray()) Walk(item);
                    break;
                case JsonValueKind.String:
                    _ = e.GetString();
                    break;
            }
        }
    }

    /// <summary>
    /// 200 with the changed resource and its new ETag. The command (PATCH, archive, restore) checks If-Match
    /// itself, inside its transaction.
    /// </summary>
    public static async Task<IResult> Updated<T>(HttpContext http, ISender sender, ICommand<T> command) where T : class =>
        ETags.Json(http, await sender.Send(command), JsonOptions(http));
}
