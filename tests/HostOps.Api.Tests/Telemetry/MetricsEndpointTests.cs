using System.Net;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Operations;
using HostOps.Contracts.Security;
using HostOps.Testing.Nats;
using HostOps.Testing.Network;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace HostOps.Api.Tests.Telemetry;

/// <summary>
/// <c>metrics.listen</c> on a running API and its agent (real nats-server, canned handlers): counters and gauges move
/// with the right labels after jobs run. Other tests in this process may add to the same counters, so each check is
/// "at least".
/// </summary>
public sealed class MetricsEndpointTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private static readonly string Admin = TestTokens.ForRole(Scopes.Admin);

    [Fact]
    public async Task The_api_and_agent_endpoints_count_jobs_queue_agents_nats_and_refusals()
    {
        var apiPort = FreePorts.Next();
        var agentPort = FreePorts.Next();
        await using var api = await TestApi.StartAsync(
            nats.Url,
            settings: new Dictionary<string, string?> { ["metrics:listen"] = $"127.0.0.1:{apiPort}" },
            agentSettings: new Dictionary<string, string?> { ["metrics:listen"] = $"127.0.0.1:{agentPort}" });

        var ok1 = await SubmitAsync(api, OperationTypes.HostnameGet, "{}");
        var ok2 = await SubmitAsync(api, OperationTypes.HostnameGet, "{}");
        var failed = await SubmitAsync(api, OperationTypes.PingDo, $$"""{"address":"{{CannedHandlers.UnreachableAddress}}"}""");
        foreach (var id in new[] { ok1, ok2, failed })
        {
            await TerminalAsync(api, id);
        }

        using (await api.Client.SendAsync(HttpMethod.Get, "/job")) // no token: 401
        {
        }

        var text = await Eventually.GetAsync(
            () => PrometheusText.ScrapeAsync(apiPort),
            t => PrometheusText.Value(t, "hostops_jobs_completed_total", ("operation", OperationTypes.HostnameGet)) >= 2
                && PrometheusText.Value(t, "hostops_http_auth_failures_total", ("code", "401")) >= 1,
            what: "the API's job and refusal counters");
        PrometheusText.Value(text, "hostops_jobs_submitted_total", ("operation", OperationTypes.HostnameGet)).ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(2);
        PrometheusText.Value(text, "hostops_jobs_failed_total", ("operation", OperationTypes.PingDo)).ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(1);
        PrometheusText.Value(text, "hostops_job_duration_seconds_count", ("operation", OperationTypes.HostnameGet), ("status", "completed"))
            .ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(2);
        PrometheusText.Value(text, "hostops_queue_depth", ("status", "completed")).ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(2);
        PrometheusText.Value(text, "hostops_queue_depth", ("status", "failed")).ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(1);
        PrometheusText.Value(text, "hostops_dlq_size").ShouldNotBeNull();
        PrometheusText.Value(text, "hostops_agents_live").ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(1);
        PrometheusText.Value(text, "hostops_nats_connected", ("connection", "hostops")).ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(1);
        PrometheusText.Value(text, "hostops_http_server_request_duration_seconds_count", ("http_route", "/job"), ("http_request_method", "POST"))
            .ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(3);

        var agentText = await Eventually.GetAsync(
            () => PrometheusText.ScrapeAsync(agentPort),
            t => PrometheusText.Value(t, "hostops_agent_job_run_duration_seconds_count", ("operation", OperationTypes.HostnameGet), ("outcome", "completed")) >= 2,
            what: "the agent's run histogram");
        PrometheusText.Value(agentText, "hostops_agent_job_run_duration_seconds_count", ("operation", OperationTypes.PingDo), ("outcome", "failed"))
            .ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(1);

        // One process, one listener (as in `hostops start`): the API's export has the agent's meters too.
        (await PrometheusText.ScrapeAsync(apiPort)).ShouldContain("hostops_agent_job_run_duration_seconds_count");
    }

    [Fact]
    public async Task Without_metrics_listen_nothing_listens()
    {
        await using var api = await TestApi.StartAsync(nats.Url, withAgent: false);

        api.Services.GetService<MeterProvider>().ShouldBeNull();
    }

    [Theory]
    [InlineData("localhost:http", "metrics.listen: 'localhost:http' has no TCP port 1-65535")]
    [InlineData("api.example:9464", "metrics.listen: 'api.example:9464': 'api.example' is not an IP address")]
    public async Task A_bad_metrics_listen_stops_the_api_at_start_naming_the_key(string listen, string message)
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(async () =>
        {
            await using var api = await TestApi.StartAsync(nats.Url, withAgent: false, settings: new Dictionary<string, string?> { ["metrics:listen"] = listen });
            using var response = await api.Client.SendAsync(HttpMethod.Get, "/health");
        });

        error.Message.ShouldStartWith(message);
    }

    private static async Task<Guid> SubmitAsync(TestApi api, string type, string data)
    {
        using var response = await api.Client.SendAsync(
            HttpMethod.Post, "/job", Admin, $$$"""{"operation":{"type":"{{{type}}}","data":{{{data}}} },"target_hostname":"{{{api.AgentHostname}}}"}""");
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("job_id").GetGuid();
    }

    private static Task TerminalAsync(TestApi api, Guid id) =>
        Eventually.TrueAsync(
            async () =>
            {
                using var response = await api.Client.SendAsync(HttpMethod.Get, $"/job/{id}", Admin);
                return (await response.ReadJsonAsync()).GetProperty("status").GetString() is "completed" or "failed";
            },
            what: $"job {id} finished");
}
