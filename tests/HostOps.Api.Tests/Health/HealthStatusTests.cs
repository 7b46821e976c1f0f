using System.Net;
using System.Text.Json;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;
using HostOps.Testing.Nats;

namespace HostOps.Api.Tests.Health;

/// <summary>The seed's <c>GET /health/status</c> document: field names, values from live data, and the two liveness checks.</summary>
public sealed class HealthStatusTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private readonly NatsFixture _nats = shared.Nats;
    private TestApi _api = shared.Api;

    [Fact]
    public async Task The_status_body_has_exactly_the_seed_field_names_and_is_200_when_all_is_well()
    {
        var (code, body) = await HealthyStatusAsync();
        code.ShouldBe(HttpStatusCode.OK);

        Names(body).ShouldBe(["status", "components", "version", "uptime", "nats", "streams", "kv_buckets", "jobs"]);
        body.GetProperty("status").GetString().ShouldBe("ok");
        Names(body.GetProperty("components")).ShouldBe(["nats", "kv", "jetstream", "agents"], ignoreOrder: true);
        foreach (var component in body.GetProperty("components").EnumerateObject())
        {
            component.Value.GetRawText().ShouldBe("""{"status":"ok"}""", component.Name);
        }

        body.GetProperty("version").GetString().ShouldBe(Repository.Version);
        body.GetProperty("uptime").GetString()!.ShouldMatch(@"^(\d+d)?(\d+h)?(\d+m)?(\d+s)?$");
        Names(body.GetProperty("nats")).ShouldBe(["url", "version"]);
        body.GetProperty("nats").GetProperty("url").GetString().ShouldBe(_nats.Url);
        body.GetProperty("nats").GetProperty("version").GetString().ShouldNotBeNullOrEmpty();

        var config = _api.Factory.Configuration;
        var streams = body.GetProperty("streams").EnumerateArray().ToList();
        streams.Select(s => s.GetProperty("name").GetString()).ShouldBe([config["job:stream:name"], config["job:dlq:name"]]);
        streams.ShouldAllBe(s => Names(s).SequenceEqual(new[] { "name", "messages", "bytes", "consumers" }));

        var buckets = body.GetProperty("kv_buckets").EnumerateArray().ToList();
        buckets.Select(b => b.GetProperty("name").GetString())
            .ShouldBe([config["job:kv:bucket"], config["job:registry:bucket"]]);
        buckets.ShouldAllBe(b => Names(b).SequenceEqual(new[] { "name", "keys", "bytes" }));

        Names(body.GetProperty("jobs")).ShouldBe(["total", "unprocessed", "processing", "completed", "failed", "dlq"]);
    }

    [Fact]
    public async Task Job_counts_move_with_jobs_at_once_and_agree_with_the_job_endpoints()
    {
        // Exact counts from zero: a job system of its own, not the class's.
        await using var own = await TestApi.StartAsync(_nats.Url);
        _api = own;
        var token = TestTokens.ForRole(Scopes.Admin);
        (await HealthyStatusAsync()).Body.GetProperty("jobs").GetProperty("total").GetInt32().ShouldBe(0);

        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            using var submitted = await _api.Client.SendAsync(HttpMethod.Post, "/job", token, """{"operation":{"type":"system.hostname.get"}}""");
            submitted.StatusCode.ShouldBe(HttpStatusCode.Created);
            ids.Add((await submitted.ReadJsonAsync()).GetProperty("job_id").GetGuid());
        }

        foreach (var id in ids)
        {
            await Eventually.GetAsync(
                async () =>
                {
                    using var job = await _api.Client.SendAsync(HttpMethod.Get, $"/job/{id}", token);
                    return (await job.ReadJsonAsync()).GetProperty("status").GetString();
                },
                status => status == "completed",
                what: $"job {id} completed");
        }

        // No polling here: readings are shared between requests only while no job has changed.
        using var response = await _api.Client.SendAsync(HttpMethod.Get, "/health/status", token);
        var body = await response.ReadJsonAsync();
        var jobs = body.GetProperty("jobs");
        jobs.GetProperty("total").GetInt32().ShouldBe(3);
        jobs.GetProperty("completed").GetInt32().ShouldBe(3);
        jobs.GetProperty("unprocessed").GetInt32().ShouldBe(0);
        jobs.GetProperty("dlq").GetInt64().ShouldBe(0);
        body.GetProperty("kv_buckets")[0].GetProperty("keys").GetUInt64().ShouldBeGreaterThanOrEqualTo(3UL);

        using var stats = await _api.Client.SendAsync(HttpMethod.Get, "/job/status", token);
        var statsBody = await stats.ReadJsonAsync();
        statsBody.GetProperty("total_jobs").GetInt32().ShouldBe(3);
        statsBody.GetProperty("status_counts").GetProperty("completed").GetInt32().ShouldBe(3);
        statsBody.GetProperty("dlq_count").GetInt64().ShouldBe(0);

        using var listed = await _api.Client.SendAsync(HttpMethod.Get, "/job?status=completed", token);
        (await listed.ReadJsonAsync()).GetProperty("total_items").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Liveness_and_readiness_need_no_token()
    {
        using var live = await _api.Client.SendAsync(HttpMethod.Get, "/health");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await live.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("""{"status":"ok"}""");

        using var ready = await _api.Client.SendAsync(HttpMethod.Get, "/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("""{"status":"ready"}""");
    }

    [Fact]
    public async Task Without_a_live_agent_the_status_is_503_degraded_naming_the_agents_component()
    {
        await using var lonely = await TestApi.StartAsync(_nats.Url, withAgent: false);
        using var response = await lonely.Client.SendAsync(HttpMethod.Get, "/health/status", TestTokens.ForRole(Scopes.Read));
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = await response.ReadJsonAsync();
        body.GetProperty("status").GetString().ShouldBe("degraded");
        body.GetProperty("components").GetProperty("agents").GetRawText().ShouldBe("""{"status":"error","error":"no live agent"}""");
        body.GetProperty("components").GetProperty("nats").GetProperty("status").GetString().ShouldBe("ok");
        body.TryGetProperty("jobs", out _).ShouldBeTrue();
    }

    private async Task<(HttpStatusCode Code, JsonElement Body)> HealthyStatusAsync() =>
        await Eventually.GetAsync(
            async () =>
            {
                using var response = await _api.Client.SendAsync(HttpMethod.Get, "/health/status", TestTokens.ForRole(Scopes.Read));
                return (response.StatusCode, await response.ReadJsonAsync());
            },
            r => r.StatusCode == HttpStatusCode.OK,
            what: "a healthy status");

    private static List<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();
}
