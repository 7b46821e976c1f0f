using System.Net;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;

namespace HostOps.Api.Tests.Operations;

/// <summary>The service endpoints: their input rules as 400s naming the field, their scopes, and a call through to the agent.</summary>
public sealed class ServiceOperationTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private static readonly string Reader = TestTokens.ForRole(Scopes.Read);
    private static readonly string Writer = TestTokens.ForRole(Scopes.Write);
    private readonly TestApi _api = shared.Api;

    [Theory]
    [InlineData("GET", "/service/-x", "name: '-x' is not a valid unit name")]
    [InlineData("GET", "/service/ssh%3Breboot", "name: 'ssh;reboot' is not a valid unit name")]
    [InlineData("GET", "/service/getty@", "name: 'getty@' is a template or has no name")]
    [InlineData("POST", "/service/ssh.socket/start", "name: 'ssh.socket' is a socket unit; only .service units are managed")]
    [InlineData("POST", "/service/-now/enable", "name: '-now' is not a valid unit name")]
    [InlineData("GET", "/service?state=running", "state: 'running' is not an active state")]
    [InlineData("GET", "/service?pattern=a%20b", "pattern: 'a b' is not a unit name pattern")]
    [InlineData("GET", "/service?status=failed", "status: unknown query parameter (known: target_hostname, state, pattern)")]
    public async Task Bad_input_is_400_naming_the_field(string method, string path, string details)
    {
        using var response = await _api.Client.SendAsync(new HttpMethod(method), path, Writer, method == "POST" ? "{}" : null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldStartWith(details);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("stop")]
    [InlineData("restart")]
    [InlineData("reload")]
    [InlineData("enable")]
    [InlineData("disable")]
    public async Task A_read_token_cannot_act_on_a_service(string verb)
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, $"/service/nginx/{verb}", Reader, """{"dry_run":true}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadErrorAsync()).Details.ShouldBe("requires scope write");
    }

    [Fact]
    public async Task A_dry_run_start_answers_each_hosts_item()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, "/service/nginx/start", Writer, """{"dry_run":true}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var item = (await response.ReadJsonAsync()).GetProperty("results")[0];
        item.GetProperty("hostname").GetString().ShouldBe(_api.AgentHostname);
        item.GetProperty("status").GetString().ShouldBe("ok");
        item.GetProperty("changed").GetBoolean().ShouldBeFalse(); // the canned agent changes nothing on a dry run
    }

    [Fact]
    public async Task A_read_token_lists_and_shows_services()
    {
        using var list = await _api.Client.SendAsync(HttpMethod.Get, "/service?state=failed&pattern=ng*", Reader);
        list.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var show = await _api.Client.SendAsync(HttpMethod.Get, "/service/nginx.service", Reader);
        show.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await show.ReadJsonAsync()).GetProperty("results")[0].GetProperty("hostname").GetString().ShouldBe(_api.AgentHostname);
    }

    [Fact]
    public async Task A_service_the_agent_refuses_is_502_with_its_reason()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, $"/service/{CannedHandlers.FailingValue}/restart", Writer, "{}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        (await response.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldContain($"{CannedHandlers.FailingValue}: refused");
    }
}
