using System.Net;
using Connect.Identity.Contracts;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Idempotency;

/// <summary>What an Idempotency-Key may be, and what it is bound to: one API key and one request.</summary>
public sealed class IdempotencyKeyTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_a_used_key_When_it_comes_with_another_body_or_path_Then_422_idempotency_key_mismatch_and_nothing_changes()
    {
        await (await Admin.CreateProductAsync("plan-key")).ShouldBe(HttpStatusCode.Created);

        var otherBody = await Admin.CreateProductAsync("plan-key", IdempotentClient.NewProduct.Replace("plan_10gb", "plan_20gb"));
        var otherPath = await Admin.SendAsync(HttpMethod.Post, "/product-offering-groups", """{"name":"Plans","category":"SUBSCRIPTION_CELL"}""", "plan-key");
        var otherQuery = await Admin.SendAsync(HttpMethod.Post, "/products?x=1", IdempotentClient.NewProduct, "plan-key");

        await otherBody.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "idempotency_key_mismatch");
        await otherPath.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "idempotency_key_mismatch");
        await otherQuery.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "idempotency_key_mismatch");
        (await Api.ProductCountAsync()).Should().Be(1);
        await using var session = Api.Store.QuerySession();
        (await Marten.QueryableExtensions.CountAsync(session.Query<Connect.Catalog.Domain.OfferingGroupDocument>())).Should().Be(0);
    }

    [Fact]
    public async Task Given_two_API_keys_When_both_use_the_same_Idempotency_Key_Then_each_request_runs_on_its_own()
    {
        var other = await Api.ClientWithKeyAsync([Scopes.CatalogRead, Scopes.CatalogWrite]);

        var mine = await Admin.CreateProductAsync("shared-key");
        var theirs = await other.CreateProductAsync("shared-key");

        (await mine.ShouldBe(HttpStatusCode.Created))["productId"]!.GetValue<string>()
            .Should().NotBe((await theirs.ShouldBe(HttpStatusCode.Created))["productId"]!.GetValue<string>());
        theirs.IsReplay().Should().BeFalse();
        (await Api.ProductCountAsync()).Should().Be(2);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("tab\there")]
    [InlineData("caf\u00e9")]
    public async Task Given_a_malformed_key_When_a_write_is_sent_Then_400_and_nothing_is_created(string key)
    {
        var response = await Admin.CreateProductAsync(key);

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "idempotency_key_invalid");
        (await Api.ProductCountAsync()).Should().Be(0);
    }

    [Fact]
    public void Given_an_empty_key_When_checked_Then_it_is_malformed() =>
        Connect.Api.Idempotency.IdempotentRequest.IsWellFormed("").Should().BeFalse("the test client drops empty headers, so this is checked directly");

    [Fact]
    public async Task Given_keys_of_255_and_256_characters_When_sent_Then_the_first_is_accepted_and_the_second_refused()
    {
        (await Admin.CreateProductAsync(new string('k', 255))).StatusCode.Should().Be(HttpStatusCode.Created);

        await (await Admin.CreateProductAsync(new string('k', 256))).ShouldBeProblem(HttpStatusCode.BadRequest, "idempotency_key_invalid");
    }

    [Fact]
    public async Task Given_two_Idempotency_Key_headers_When_a_write_is_sent_Then_400()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/products")
        {
            Content = new StringContent(IdempotentClient.NewProduct, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", ["one", "two"]);

        await (await Admin.SendAsync(request)).ShouldBeProblem(HttpStatusCode.BadRequest, "idempotency_key_invalid");
    }

    [Fact]
    public async Task Given_the_OpenAPI_document_When_read_Then_every_POST_and_PATCH_describes_the_Idempotency_Key_header()
    {
        var document = await (await Admin.GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);

        var writes = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(op => op.Key is "post" or "patch").Select(op => op.Value!))
            .ToList();
        writes.Should().NotBeEmpty();
        writes.Should().OnlyContain(op => op["parameters"]!.AsArray()
            .Any(p => p!["name"]!.GetValue<string>() == "Idempotency-Key" && p["in"]!.GetValue<string>() == "header"));
    }
}
