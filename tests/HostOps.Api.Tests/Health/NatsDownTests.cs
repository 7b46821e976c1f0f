using System.Diagnostics;
using System.Net;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;
using HostOps.Testing.Nats;

namespace HostOps.Api.Tests.Health;

/// <summary>With the nats-server killed, the health endpoints still answer at once and say what is wrong.</summary>
public sealed class NatsDownTests
{
    [Fact]
    public async Task After_nats_is_killed_status_is_503_degraded_within_two_seconds_and_liveness_stays_200()
    {
        await using var server = await NatsServerProcess.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var api = await TestApi.StartAsync(server.Url);
        var token = TestTokens.ForRole(Scopes.Read);

        using (var submitted = await api.Client.SendAsync(HttpMethod.Post, "/job", TestTokens.ForRole(Scopes.Write), """{"operation":{"type":"system.hostname.get"}}"""))
        {
            submitted.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        await Eventually.GetAsync(
            async () =>
            {
                using var response = await api.Client.SendAsync(HttpMethod.Get, "/health/status", token);
                return (response.StatusCode, Body: await response.ReadJsonAsync());
            },
            r => r.StatusCode == HttpStatusCode.OK && r.Body.GetProperty("jobs").GetProperty("completed").GetInt32() == 1,
            what: "healthy with one completed job");

        await server.KillAsync();

        // The client notices the dead connection within moments; from the kill on, 503 must come within 2 s,
        // and no single answer may take longer than that.
        var clock = Stopwatch.StartNew();
        var (code, body) = await Eventually.GetAsync(
            async () =>
            {
                var asked = Stopwatch.StartNew();
                using var response = await api.Client.SendAsync(HttpMethod.Get, "/health/status", token);
                asked.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
                return (response.StatusCode, Body: await response.ReadJsonAsync());
            },
            r => r.StatusCode == HttpStatusCode.ServiceUnavailable,
            within: TimeSpan.FromSeconds(2),
            what: "503 after NATS was killed");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2.5));
        code.ShouldBe(HttpStatusCode.ServiceUnavailable);
        body.GetProperty("status").GetString().ShouldBe("degraded");
        body.GetProperty("components").GetProperty("nats").GetProperty("status").GetString().ShouldBe("error");
        body.GetProperty("components").GetProperty("nats").GetProperty("error").GetString().ShouldNotBeNullOrEmpty();
        foreach (var unreadable in new[] { "nats", "streams", "kv_buckets", "jobs" })
        {
            body.TryGetProperty(unreadable, out _).ShouldBeFalse(unreadable);
        }

        body.GetProperty("version").GetString().ShouldBe(Repository.Version);

        clock.Restart();
        using var live = await api.Client.SendAsync(HttpMethod.Get, "/health");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var ready = await api.Client.SendAsync(HttpMethod.Get, "/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ready.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("not_ready");

        using var jobs = await api.Client.SendAsync(HttpMethod.Get, "/job/status", token);
        jobs.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await jobs.ReadErrorAsync()).Code.ShouldBe(503);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }
}
