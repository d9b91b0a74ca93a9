using Connect.SharedKernel.Http;
using Connect.Webhooks.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Webhooks.Features;

/// <summary><c>GET /webhooks</c>: newest first, paged.</summary>
internal static class ListWebhooksEndpoint
{
    public static void MapListWebhooks(this IEndpointRouteBuilder app) =>
        app.MapGet("", async (HttpContext http, ISender sender) =>
            {
                var (limit, offset) = QueryParsing.PagingOf(http.Request.Query);
                return Respond.List(http, await sender.Send(new ListWebhooks(limit, offset)));
            })
            .Produces<ListResponse<Webhook>>();
}
