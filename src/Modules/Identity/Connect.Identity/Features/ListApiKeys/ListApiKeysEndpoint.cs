using Connect.Identity.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Identity.Features;

/// <summary><c>GET /api-keys</c>: newest first, paged.</summary>
internal static class ListApiKeysEndpoint
{
    public static void MapListApiKeys(this IEndpointRouteBuilder app) =>
        app.MapGet("", async (HttpContext http, ISender sender) =>
            {
                var (limit, offset) = QueryParsing.PagingOf(http.Request.Query);
                return Respond.List(http, await sender.Send(new ListApiKeys(limit, offset)));
            })
            .Produces<ListResponse<ApiKeyInfo>>();
}
