using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Idempotency;

/// <summary>A new API key is shown once: a repeated create makes no second key and never stores the first one's secret.</summary>
public sealed class IdempotentKeyCreationTests(ConnectApiFactory api) : ApiTest(api)
{
    private const string NewKey = """{"name":"shop","scopes":["catalog:read"],"customerType":"CONSUMER","locale":"en-US"}""";

    [Fact]
    public async Task Given_a_key_created_with_an_Idempotency_Key_When_repeated_Then_409_withheld_points_at_the_key_and_no_second_key_exists()
    {
        var first = await Admin.SendAsync(HttpMethod.Post, "/api-keys", NewKey, "new-shop-key");
        var created = await first.ShouldBe(HttpStatusCode.Created);
        var secret = created["key"]!.GetValue<string>();

        var repeat = await Admin.SendAsync(HttpMethod.Post, "/api-keys", NewKey, "new-shop-key");

        var problem = await repeat.ShouldBeProblem(HttpStatusCode.Conflict, "idempotency_answer_withheld");
        repeat.IsReplay().Should().BeTrue();
        repeat.Headers.Location.Should().Be(first.Headers.Location);
        problem.ToJsonString().Should().NotContain(secret);
        var keys = await (await Admin.GetAsync("/api-keys")).ShouldBe(HttpStatusCode.OK);
        keys["items"]!.AsArray().Should().HaveCount(2, "the bootstrap key and the one created");
        (await StoredAnswersContainAsync(secret)).Should().BeFalse();
    }

    private async Task<bool> StoredAnswersContainAsync(string secret)
    {
        await using var connection = Api.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            $"SELECT count(*) FROM {Connect.Api.Idempotency.IdempotencyTable.Name} WHERE position(convert_to(@secret, 'UTF8') in body) > 0", connection);
        command.Parameters.AddWithValue("secret", secret);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
