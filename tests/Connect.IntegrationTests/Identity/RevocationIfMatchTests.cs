using System.Net;
using Connect.IntegrationTests.Infrastructure;
using static Connect.Identity.Contracts.Scopes;

namespace Connect.IntegrationTests.Identity;

/// <summary>Revoking a key and deactivating a promo code honour If-Match like every other write (412, nothing changes).</summary>
public sealed class RevocationIfMatchTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_a_stale_If_Match_When_a_key_is_revoked_Then_412_and_the_key_still_works_and_the_current_tag_revokes_it()
    {
        var created = await (await Admin.PostJson("/api-keys", new { name = "shop", scopes = new[] { CatalogRead }, customerType = "CONSUMER", locale = "en-US" }))
            .ShouldBe(HttpStatusCode.Created);
        var id = created["apiKeyId"]!.GetValue<string>();
        var shop = Api.Client(created["key"]!.GetValue<string>());

        await (await Admin.PostJson($"/api-keys/{id}/revoke", new { }, ifMatch: "\"stale\"")).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        (await shop.GetAsync("/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.EventsAsync("apikey:" + id)).Select(e => e.EventTypeName).Should().NotContain(n => n.Contains("revoked"));

        var etag = (await Admin.GetAsync($"/api-keys/{id}")).Headers.ETag!.ToString();
        await (await Admin.PostJson($"/api-keys/{id}/revoke", new { }, ifMatch: etag)).ShouldBe(HttpStatusCode.OK);
        await (await shop.GetAsync("/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Given_a_stale_If_Match_When_a_promo_code_is_deactivated_Then_412_and_it_stays_active()
    {
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("SPRING"))).ShouldBe(HttpStatusCode.Created);

        await (await Admin.PostJson("/promo-codes/SPRING/deactivate", new { }, ifMatch: "\"stale\"")).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        var code = await (await Admin.GetAsync("/promo-codes/SPRING")).ShouldBe(HttpStatusCode.OK);
        code["status"]!.GetValue<string>().Should().Be("ACTIVE");

        var etag = (await Admin.GetAsync("/promo-codes/SPRING")).Headers.ETag!.ToString();
        await (await Admin.PostJson("/promo-codes/SPRING/deactivate", new { }, ifMatch: etag)).ShouldBe(HttpStatusCode.OK);
    }
}
