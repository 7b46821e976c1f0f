using System.Net;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;

namespace HostOps.Api.Tests.Operations;

/// <summary>The log endpoints: their input rules as 400s naming the field, their scope, and a call through to the agent.</summary>
public sealed class LogOperationTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private static readonly string Reader = TestTokens.ForRole(Scopes.Read);
    private readonly TestApi _api = shared.Api;

    [Theory]
    [InlineData("/log?lines=0", "lines: 0 is out of range (1-1000)")]
    [InlineData("/log?lines=1001", "lines: 1001 is out of range (1-1000)")]
    [InlineData("/log?lines=many", "lines: 'many' is not a whole number")]
    [InlineData("/log?since=%24(reboot)", "since: '$(reboot)' is not a journalctl time")]
    [InlineData("/log?until=2026-11-30%0A09:00", "until: '2026-11-30\n09:00' is not a journalctl time")]
    [InlineData("/log?priority=8", "priority: '8' is not a priority")]
    [InlineData("/log?priority=verbose", "priority: 'verbose' is not a priority")]
    [InlineData("/log?unit=-x", "unit: '-x' is not a valid unit name")]
    [InlineData("/log?follow=true", "follow: unknown query parameter")]
    [InlineData("/log/unit/ssh%3Bid", "name: 'ssh;id' is not a valid unit name")]
    [InlineData("/log/unit/ssh?unit=cron", "unit: unknown query parameter")]
    public async Task Bad_input_is_400_naming_the_field(string path, string details)
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Get, path, Reader);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldStartWith(details);
    }

    [Fact]
    public async Task A_too_long_grep_is_400_naming_it()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Get, "/log?grep=" + new string('a', 201), Reader);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadErrorAsync()).Details.ShouldBe("grep: must be 1-200 characters without control characters");
    }

    [Fact]
    public async Task A_token_without_read_cannot_read_logs()
    {
        var writeOnly = TestTokens.ForScopes(Scopes.Write);
        using var response = await _api.Client.SendAsync(HttpMethod.Get, "/log", writeOnly);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/log?unit=nginx&since=-1h&until=now&priority=err&grep=timed%20out&lines=50")]
    [InlineData("/log/unit/ssh.socket?since=2026-11-30%2008:00&lines=5")]
    public async Task A_read_token_reads_logs(string path)
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Get, path, Reader);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("results")[0].GetProperty("hostname").GetString().ShouldBe(_api.AgentHostname);
    }
}
