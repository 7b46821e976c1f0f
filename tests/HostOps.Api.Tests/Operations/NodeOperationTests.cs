using System.Net;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;

namespace HostOps.Api.Tests.Operations;

/// <summary>Each node operation endpoint submits a job, waits for the agent and answers <c>{"results":[…]}</c>.</summary>
public sealed class NodeOperationTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private static readonly string Reader = TestTokens.ForRole(Scopes.Read);
    private static readonly string Writer = TestTokens.ForRole(Scopes.Write);
    private readonly TestApi _api = shared.Api;

    [Theory]
    [InlineData("")]
    [InlineData("?target_hostname=_any")]
    [InlineData("?target_hostname=_all")]
    [InlineData("?target_hostname=role:test")]
    public async Task Hostname_answers_one_item_per_answering_host(string query)
    {
        var targetAll = query.Contains("_all", StringComparison.Ordinal) || query.Contains(':', StringComparison.Ordinal);
        if (targetAll)
        {
            await AgentRegisteredAsync();
        }

        using var response = await _api.Client.SendAsync(HttpMethod.Get, "/system/hostname" + query, Reader);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, raw);
        raw.ShouldBe($$"""{"results":[{"hostname":"{{_api.AgentHostname}}"}]}""");
    }

    [Fact]
    public async Task System_status_answers_every_reading_with_snake_case_names()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Get, "/system/status", Reader);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var item = (await response.ReadJsonAsync()).GetProperty("results")[0];
        item.EnumerateObject().Select(p => p.Name).ShouldBe(["hostname", "uptime", "load_average", "memory", "disks", "os_info"]);
        item.GetProperty("load_average").EnumerateObject().Select(p => p.Name).ShouldBe(["1min", "5min", "15min"]);
        item.GetProperty("memory").EnumerateObject().Select(p => p.Name).ShouldBe(["total", "free", "used"]);
        item.GetProperty("disks")[0].EnumerateObject().Select(p => p.Name).ShouldBe(["name", "total", "used", "free"]);
        item.GetProperty("os_info").EnumerateObject().Select(p => p.Name).ShouldBe(["distribution", "version"]);
    }

    [Fact]
    public async Task Ping_answers_the_packet_figures()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, "/network/ping", Writer, """{"address":"::1","count":2}""");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var item = (await response.ReadJsonAsync()).GetProperty("results")[0];
        item.EnumerateObject().Select(p => p.Name)
            .ShouldBe(["hostname", "packets_sent", "packets_received", "packet_loss", "min_rtt", "avg_rtt", "max_rtt"]);
    }

    [Fact]
    public async Task A_ping_that_fails_on_every_host_is_502_with_the_hosts_error()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, "/network/ping", Writer, $$"""{"address":"{{CannedHandlers.UnreachableAddress}}"}""");
        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        var error = await response.ReadErrorAsync();
        error.Code.ShouldBe(502);
        error.Details.ShouldNotBeNull().ShouldContain($"{_api.AgentHostname}: {CannedHandlers.UnreachableAddress}: 100% packet loss");
    }

    [Fact]
    public async Task Dns_get_passes_the_interface_to_the_agent()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Get, "/network/dns/eth0", Reader);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .ShouldBe($$"""{"results":[{"hostname":"{{_api.AgentHostname}}","servers":["1.1.1.1"],"search_domains":["eth0.example.com"]}]}""");
    }

    [Fact]
    public async Task Dns_update_is_202_with_a_status_per_host()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Put, "/network/dns", Writer,
            """{"interface_name":"eth0","servers":["1.1.1.1","2606:4700:4700::1111"],"search_domains":["corp.example.com"]}""");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .ShouldBe($$"""{"results":[{"hostname":"{{_api.AgentHostname}}","status":"ok"}]}""");
    }

    [Fact]
    public async Task A_job_nobody_answers_in_time_is_504_with_its_id_and_stays_pollable()
    {
        await using var api = await TestApi.StartAsync(shared.Nats.Url, withAgent: false, new Dictionary<string, string?> { ["api:server:job_timeout"] = "500ms" });
        using var response = await api.Client.SendAsync(HttpMethod.Get, "/system/hostname?target_hostname=ghost", Reader);
        response.StatusCode.ShouldBe(HttpStatusCode.GatewayTimeout);
        var error = await response.ReadErrorAsync();
        error.Code.ShouldBe(504);
        var id = error.Details.ShouldNotBeNull().Split(' ')[1];
        Guid.TryParse(id, out _).ShouldBeTrue(error.Details);

        using var poll = await api.Client.SendAsync(HttpMethod.Get, $"/job/{id}", Reader);
        poll.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await poll.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("unprocessed");
    }

    private async Task AgentRegisteredAsync() =>
        await Eventually.GetAsync(
            async () =>
            {
                using var response = await _api.Client.SendAsync(HttpMethod.Get, "/job/workers", Reader);
                return (await response.ReadJsonAsync()).GetProperty("total").GetInt32();
            },
            total => total == 1,
            what: "the agent's heartbeat");
}
