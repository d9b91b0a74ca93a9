using System.Net;
using Connect.IntegrationTests.Infrastructure;
using Connect.Pricing.Contracts;
using Connect.Pricing.Features;
using static Connect.Identity.Contracts.Scopes;

namespace Connect.IntegrationTests.Pricing;

/// <summary>Promo code management (spec §5): create, list, get, deactivate, history, notifications.</summary>
public sealed class PromoCodeManagementTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_a_new_code_When_created_Then_it_reads_back_with_Location_and_ETag()
    {
        var response = await Admin.PostJson("/promo-codes", Samples.PromoCode("spring-25", "AMOUNT", 2.5m, "USD",
            appliesTo: new { categories = new[] { "TRAVEL_ESIM" }, types = new[] { "SUBSCRIPTION" } }, customerType: "CONSUMER"));
        var created = await response.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().Should().Be("/promo-codes/SPRING-25");
        response.Headers.ETag.Should().NotBeNull();

        var read = await (await Admin.GetAsync("/promo-codes/Spring-25")).ShouldBe(HttpStatusCode.OK);
        read.ToJsonString().Should().Be(created.ToJsonString());
        read["code"]!.GetValue<string>().Should().Be("SPRING-25");
        read["discountType"]!.GetValue<string>().Should().Be("AMOUNT");
        read["value"]!.GetValue<decimal>().Should().Be(2.5m);
        read["currency"]!.GetValue<string>().Should().Be("USD");
        read["status"]!.GetValue<string>().Should().Be("ACTIVE");
        read["customerType"]!.GetValue<string>().Should().Be("CONSUMER");
        read["appliesTo"]!["categories"]!.AsArray().Select(c => c!.GetValue<string>()).Should().Equal("TRAVEL_ESIM");
        read["appliesTo"]!["types"]!.AsArray().Select(c => c!.GetValue<string>()).Should().Equal("SUBSCRIPTION");
        read["appliesTo"]!["productOfferingIds"]!.AsArray().Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"code":"ab","discountType":"PERCENTAGE","value":10}""", "code")]
    [InlineData("""{"code":"has space","discountType":"PERCENTAGE","value":10}""", "code")]
    [InlineData("""{"code":"OK123","discountType":"PERCENTAGE","value":0}""", "value")]
    [InlineData("""{"code":"OK123","discountType":"PERCENTAGE","value":100.5}""", "value")]
    [InlineData("""{"code":"OK123","discountType":"PERCENTAGE","value":10,"currency":"USD"}""", "currency")]
    [InlineData("""{"code":"OK123","discountType":"AMOUNT","value":5}""", "currency")]
    [InlineData("""{"code":"OK123","discountType":"AMOUNT","value":5,"currency":"XXX"}""", "currency")]
    [InlineData("""{"code":"OK123","discountType":"AMOUNT","value":5.001,"currency":"USD"}""", "value")]
    [InlineData("""{"code":"OK123","discountType":"AMOUNT","value":-1,"currency":"USD"}""", "value")]
    [InlineData("""{"code":"OK123","discountType":"PERCENTAGE"}""", "value")]
    [InlineData("""{"code":"OK123","value":10}""", "discountType")]
    [InlineData("""{"code":"OK123","discountType":"PERCENTAGE","value":10,"validFrom":"2030-01-02T00:00:00Z","validUntil":"2030-01-01T00:00:00Z"}""", "validUntil")]
    [InlineData("""{"code":"OK123","discountType":"PERCENTAGE","value":10,"appliesTo":{"productOfferingIds":["bad id"]}}""", "appliesTo.productOfferingIds")]
    public async Task Given_an_invalid_code_body_When_created_Then_400_names_the_field_and_nothing_is_stored(string body, string property)
    {
        var problem = await (await Admin.PostJson("/promo-codes", body)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorProperties().Should().Contain(property);
        var list = await (await Admin.GetAsync("/promo-codes")).ShouldBe(HttpStatusCode.OK);
        list["items"]!.AsArray().Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"code":"OK123","discountType":"HALF","value":10}""")]
    [InlineData("""{"code":"OK123","discountType":"PERCENTAGE","value":10,"status":"ACTIVE"}""")]
    [InlineData("""{"code":"OK123","discountType":"PERCENTAGE","value":10,"appliesTo":{"categories":["SPACESHIP"]}}""")]
    [InlineData("""{"code":"OK123","discountType":"PERCENTAGE","value":10,"changedBy":"someone-else"}""")]
    public async Task Given_an_unknown_enum_or_property_When_created_Then_400(string body) =>
        await (await Admin.PostJson("/promo-codes", body)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

    [Fact]
    public async Task Given_several_codes_When_listed_Then_newest_first_and_paged()
    {
        foreach (var (code, minutes) in new[] { ("FIRST", 0), ("SECOND", 1), ("THIRD", 2) })
        {
            Api.Clock.Offset = TimeSpan.FromMinutes(minutes);
            await (await Admin.PostJson("/promo-codes", Samples.PromoCode(code))).ShouldBe(HttpStatusCode.Created);
        }

        var page = await (await Admin.GetAsync("/promo-codes?limit=2&offset=0")).ShouldBe(HttpStatusCode.OK);
        page["items"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).Should().Equal("THIRD", "SECOND");
        page["pagination"]!["total"]!.GetValue<long>().Should().Be(3);
        page["pagination"]!["sort"]!["key"]!.GetValue<string>().Should().Be("createdAt");
        await (await Admin.GetAsync("/promo-codes?limit=0")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_an_active_code_When_deactivated_twice_Then_the_second_is_a_conflict_and_history_shows_one_deactivation()
    {
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("SUMMER"))).ShouldBe(HttpStatusCode.Created);

        var deactivated = await (await Admin.PostJson("/promo-codes/summer/deactivate", new { reason = "campaign over" })).ShouldBe(HttpStatusCode.OK);
        deactivated["status"]!.GetValue<string>().Should().Be("INACTIVE");
        deactivated["deactivatedAt"].Should().NotBeNull();
        await (await Admin.PostJson("/promo-codes/SUMMER/deactivate", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "conflict");

        var history = await (await Admin.GetAsync("/promo-codes/SUMMER/history")).ShouldBe(HttpStatusCode.OK);
        var items = history["items"]!.AsArray();
        items.Select(i => i!["change"]!.GetValue<string>()).Should().Equal("CREATED", "DEACTIVATED");
        items.Select(i => i!["sequence"]!.GetValue<long>()).Should().Equal(1, 2);
        items[1]!["reason"]!.GetValue<string>().Should().Be("campaign over");
        items.Select(i => i!["changedBy"]!.GetValue<string>()).Should().AllBe("bootstrap", "the admin key made both changes");
    }

    [Fact]
    public async Task Given_a_stale_ETag_When_deactivating_Then_412_and_the_code_stays_active()
    {
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("AUTUMN"))).ShouldBe(HttpStatusCode.Created);
        var request = HttpAssertions.Json(HttpMethod.Post, "/promo-codes/AUTUMN/deactivate", new { });
        request.Headers.TryAddWithoutValidation("If-Match", "\"stale\"");

        await (await Admin.SendAsync(request)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        (await (await Admin.GetAsync("/promo-codes/AUTUMN")).ShouldBe(HttpStatusCode.OK))["status"]!.GetValue<string>().Should().Be("ACTIVE");
    }

    [Fact]
    public async Task Given_twenty_parallel_deactivations_When_they_race_Then_exactly_one_succeeds_and_one_event_is_recorded()
    {
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("RACE"))).ShouldBe(HttpStatusCode.Created);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Admin.PostJson("/promo-codes/RACE/deactivate", new { })));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        responses.Where(r => r.StatusCode != HttpStatusCode.OK).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Conflict);
        var history = await (await Admin.GetAsync("/promo-codes/RACE/history")).ShouldBe(HttpStatusCode.OK);
        history["items"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task Given_a_deactivate_body_naming_server_set_fields_When_sent_Then_400_and_the_code_stays_active()
    {
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("WINTER"))).ShouldBe(HttpStatusCode.Created);
        foreach (var body in new[] { """{"changedBy":"someone-else"}""", """{"code":"OTHER"}""", """{"ifMatch":"*"}""" })
            await (await Admin.PostJson("/promo-codes/WINTER/deactivate", body)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await (await Admin.GetAsync("/promo-codes/WINTER")).ShouldBe(HttpStatusCode.OK))["status"]!.GetValue<string>().Should().Be("ACTIVE");
    }

    [Fact]
    public async Task Given_unknown_codes_When_read_or_deactivated_Then_404()
    {
        await (await Admin.GetAsync("/promo-codes/NOPE")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await Admin.GetAsync("/promo-codes/NOPE/history")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await Admin.PostJson("/promo-codes/NOPE/deactivate", new { })).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await Admin.GetAsync("/promo-codes/" + new string('x', 300))).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Given_a_key_without_pricing_write_When_it_manages_codes_Then_403()
    {
        var reader = await Api.ClientWithKeyAsync([CatalogRead, CatalogWrite]);
        await (await reader.PostJson("/promo-codes", Samples.PromoCode("NOPE1"))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await reader.GetAsync("/promo-codes")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Given_a_code_is_created_and_deactivated_When_each_commits_Then_a_notification_is_published_for_each()
    {
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("NOTIFY", "PERCENTAGE", 15m))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/promo-codes/NOTIFY/deactivate", new { })).ShouldBe(HttpStatusCode.OK);
        // A refused create publishes nothing.
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("notify"))).ShouldBeProblem(HttpStatusCode.Conflict, "conflict");

        Api.Notifications.Heard.Should().SatisfyRespectively(
            n => n.Should().BeOfType<PromoCodeCreatedNotification>().Which.PromoCode.Value.Should().Be(15m),
            n => n.Should().BeOfType<PromoCodeDeactivatedNotification>().Which.ChangedBy.Should().Be("bootstrap"));
    }
}
