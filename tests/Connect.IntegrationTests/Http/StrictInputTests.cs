using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Http;

/// <summary>Where the contract is strict, so is the parser: RFC 3339 instants with an offset, and one sort key with one optional '-'.</summary>
public sealed class StrictInputTests(ConnectApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("01/02/2030")]
    [InlineData("Jan 2 2030")]
    [InlineData("Wed, 02 Jan 2030 00:00:00 GMT")]
    [InlineData("2030-01-02T00:00:00")]
    [InlineData("2030-01-02")]
    [InlineData("2030-01-02 00:00:00Z")]
    [InlineData("2030-01-02T00:00Z")]
    [InlineData("2030-01-02T00:00:00+0100")]
    [InlineData(" 2030-01-02T00:00:00Z")]
    public async Task Given_a_time_that_is_not_RFC_3339_with_an_offset_When_sent_Then_400_names_it(string validUntil)
    {
        var body = $$"""{"code":"TIMES","discountType":"PERCENTAGE","value":10,"validUntil":"{{validUntil}}"}""";

        var problem = await (await Admin.PostJson("/promo-codes", body)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        problem.ErrorProperties().Should().Contain("validUntil");
    }

    [Theory]
    [InlineData("2030-01-02T00:00:00Z", "2030-01-02T00:00:00Z")]
    [InlineData("2030-01-02t00:00:00z", "2030-01-02T00:00:00Z")]
    [InlineData("2030-01-02T01:30:00+01:30", "2030-01-02T00:00:00Z")]
    [InlineData("2030-01-01T19:00:00.250-05:00", "2030-01-02T00:00:00.25Z")]
    public async Task Given_an_RFC_3339_time_with_an_offset_When_sent_Then_it_is_stored_as_that_instant_in_UTC(string validUntil, string shown)
    {
        var body = $$"""{"code":"TIMES","discountType":"PERCENTAGE","value":10,"validUntil":"{{validUntil}}"}""";

        var created = await (await Admin.PostJson("/promo-codes", body)).ShouldBe(HttpStatusCode.Created);

        created["validUntil"]!.GetValue<string>().Should().Be(shown);
    }

    [Theory]
    [InlineData("--name")]
    [InlineData("-")]
    [InlineData("+name")]
    [InlineData("name-")]
    [InlineData("-Name")]
    public async Task Given_a_sort_that_is_not_one_optional_dash_and_a_key_When_listing_Then_400(string sort)
    {
        var problem = await (await Admin.GetAsync($"/product-offerings?sort={Uri.EscapeDataString(sort)}"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        problem.ErrorProperties().Should().Contain("sort");
    }

    [Fact]
    public async Task Given_a_descending_sort_When_listing_Then_it_is_taken()
    {
        var list = await (await Admin.GetAsync("/product-offerings?sort=-netPrice")).ShouldBe(HttpStatusCode.OK);

        list["pagination"]!["sort"]!["direction"]!.GetValue<string>().Should().Be("DESC");
    }
}
