using Connect.Catalog.Reading;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.IntegrationTests.Infrastructure;

/// <summary>Another host on the same database, as a second node of a deployment.</summary>
internal static class SecondNode
{
    /// <summary>An admin client of the node, once its listener hears the catalog changes other nodes commit.</summary>
    public static async Task<HttpClient> ListeningClientAsync(WebApplicationFactory<Program> node)
    {
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ConnectApiFactory.AdminKey);
        var changes = node.Services.GetRequiredService<CatalogChanges>();
        // A host starting on a busy machine may take seconds to connect its listener; the bounds under test start after.
        for (var i = 0; i < 400 && !changes.ListenerConnected; i++) await Task.Delay(50);
        changes.ListenerConnected.Should().BeTrue();
        return client;
    }
}
