using System.Net;
using Connect.IntegrationTests.Infrastructure;
using static Connect.Identity.Contracts.Scopes;

namespace Connect.IntegrationTests.Pricing;

/// <summary>Promo codes cannot be guessed at a key's full rate: invalid codes are throttled per API key, and logged by key.</summary>
public sealed class PromoCodeGuessingTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_a_key_that_sent_30_invalid_codes_in_a_minute_When_it_tries_any_code_Then_429_while_other_keys_and_plain_reads_go_on()
    {
        await Samples.SeedOfferingAsync(Admin, "seamless-10gb", gross: 10m, discount: 5m);
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("STUDENT2024"))).ShouldBe(HttpStatusCode.Created);
        var guesser = await Api.ClientWithKeyAsync([CatalogRead]);
        for (var i = 0; i < 30; i++)
            await (await guesser.GetAsync($"/product-offerings/seamless-10gb?promoCode=GUESS{i:D4}"))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "promo_code_invalid");

        var blocked = await guesser.GetAsync("/product-offerings/seamless-10gb?promoCode=STUDENT2024");
        await blocked.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        blocked.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero);
        await (await guesser.GetAsync("/product-offerings?promoCode=GUESS9999")).ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");

        (await guesser.GetAsync("/product-offerings/seamless-10gb")).StatusCode.Should().Be(HttpStatusCode.OK, "reads without a code go on");
        (await Admin.GetAsync("/product-offerings/seamless-10gb?promoCode=STUDENT2024")).StatusCode.Should().Be(HttpStatusCode.OK, "the limit is per key");

        var guesserId = (await (await guesser.GetAsync("/me")).ShouldBe(HttpStatusCode.OK))["apiKeyId"]!.GetValue<string>();
        var warnings = Api.Logs.Lines.Where(l => l.Contains("invalid promo codes")).ToList();
        warnings.Should().ContainSingle().Which.Should().Contain(guesserId);
        Api.Logs.Lines.Should().NotContain(l => l.Contains("GUESS"), "the guesses themselves are never logged");
    }
}
