using System.Net;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;

namespace HostOps.Api.Tests.Operations;

/// <summary>The process endpoints: their input rules (a 400 naming the field), their scopes, and a call that succeeds.</summary>
public sealed class ProcessOperationTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private static readonly string Reader = TestTokens.ForRole(Scopes.Read);
    private static readonly string Writer = TestTokens.ForRole(Scopes.Write);
    private readonly TestApi _api = shared.Api;

    [Theory]
    [InlineData("GET", "/process?sort=size", null, "sort: 'size' is not one of cpu, rss, pid, start")]
    [InlineData("GET", "/process?limit=0", null, "limit: 0 is out of range (1-1000)")]
    [InlineData("GET", "/process?limit=1001", null, "limit: 1001 is out of range (1-1000)")]
    [InlineData("GET", "/process?limit=ten", null, "limit: 'ten' is not a whole number")]
    [InlineData("GET", "/process?user=root;id", null, "user: 'root;id' is not a user name or uid")]
    [InlineData("GET", "/process?user=-r", null, "user: '-r' is not a user name or uid")]
    [InlineData("GET", "/process?name=a%0Ab", null, "name: must be 1-64 printable characters")]
    [InlineData("GET", "/process?pid=5", null, "pid: unknown query parameter (known: target_hostname, sort, limit, user, name)")]
    [InlineData("GET", "/process/0", null, "pid: 0 is not a process id (1-4194304)")]
    [InlineData("GET", "/process/-5", null, "pid: -5 is not a process id (1-4194304)")]
    [InlineData("GET", "/process/abc", null, "pid: 'abc' is not a whole number")]
    [InlineData("GET", "/process/99999999999", null, "pid: '99999999999' is not a whole number")]
    [InlineData("POST", "/process/1/signal", """{"signal":"TERM"}""", "pid: 1 is init; signalling it is refused")]
    [InlineData("POST", "/process/0/signal", """{"signal":"TERM"}""", "pid: 0 is not a process id (1-4194304)")]
    [InlineData("POST", "/process/-1/signal", """{"signal":"TERM"}""", "pid: -1 is not a process id (1-4194304)")]
    [InlineData("POST", "/process/42/signal", """{"signal":"9"}""", "signal: '9' is not one of TERM, KILL, HUP, INT, QUIT, USR1, USR2, STOP, CONT")]
    [InlineData("POST", "/process/42/signal", """{"signal":"SIGSEGV"}""", "signal: 'SIGSEGV' is not one of")]
    [InlineData("POST", "/process/42/signal", """{"signal":"TERM;reboot"}""", "signal: 'TERM;reboot' is not one of")]
    [InlineData("POST", "/process/42/signal", """{}""", "signal: is required")]
    [InlineData("POST", "/process/42/signal", """{"signal":15}""", "signal: has the wrong type")]
    public async Task Bad_input_is_400_naming_the_field(string method, string path, string? body, string details)
    {
        using var response = await _api.Client.SendAsync(new HttpMethod(method), path, Writer, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        (await response.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldStartWith(details);
    }

    [Fact]
    public async Task Signal_with_a_read_token_is_403()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, "/process/42/signal", Reader, """{"signal":"TERM"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task List_and_detail_need_only_a_read_token()
    {
        using var list = await _api.Client.SendAsync(HttpMethod.Get, "/process?sort=rss&limit=5&user=postgres&name=postgres", Reader);
        list.StatusCode.ShouldBe(HttpStatusCode.OK, await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        using var detail = await _api.Client.SendAsync(HttpMethod.Get, "/process/4242", Reader);
        detail.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await detail.ReadJsonAsync()).GetProperty("results")[0].GetProperty("hostname").GetString().ShouldBe(_api.AgentHostname);
    }

    [Theory]
    [InlineData("""{"signal":"sigterm"}""", true)]
    [InlineData("""{"signal":"HUP","dry_run":true}""", false)]
    public async Task Signal_answers_changed_per_host(string body, bool changed)
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, "/process/4242/signal", Writer, body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var item = (await response.ReadJsonAsync()).GetProperty("results")[0];
        item.GetProperty("status").GetString().ShouldBe("ok");
        item.GetProperty("changed").GetBoolean().ShouldBe(changed);
    }

    [Fact]
    public async Task Post_job_refuses_the_same_values()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, "/job", Writer,
            """{"operation":{"type":"process.signal.do","data":{"pid":1,"signal":"TERM"}}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldContain("pid: 1 is init; signalling it is refused");
    }
}
