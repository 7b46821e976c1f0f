using System.Net;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;

namespace HostOps.Api.Tests.Operations;

/// <summary><c>POST /command/exec</c>: admin only, its input checked (and its time-out against the API's wait) before any job.</summary>
public sealed class CommandOperationTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private static readonly string Admin = TestTokens.ForRole(Scopes.Admin);
    private static readonly string Writer = TestTokens.ForRole(Scopes.Write);
    private readonly TestApi _api = shared.Api;

    public static TheoryData<string, string> BadRequests => new()
    {
        { """{}""", "argv: is required" },
        { """{"argv":[],"timeout":5}""", "argv: is required (the program and its arguments)" },
        { """{"argv":"/bin/echo","timeout":5}""", "argv: has the wrong type" },
        { """{"argv":["bin/echo"],"timeout":5}""", "argv[0]: 'bin/echo' is neither an absolute path nor a bare program name" },
        { """{"argv":["","x"],"timeout":5}""", "argv[0]: is empty" },
        { """{"argv":["/bin/echo","a\u0000b"],"timeout":5}""", "argv[1]: contains a NUL character" },
        { $$"""{"argv":["/bin/echo","{{new string('x', 4097)}}"],"timeout":5}""", "argv[1]: is 4097 characters, the limit is 4096" },
        { $$"""{"argv":[{{string.Join(',', Enumerable.Repeat("\"x\"", 257))}}],"timeout":5}""", "argv: 257 elements given, the limit is 256" },
        { """{"argv":["/bin/echo"],"cwd":"tmp","timeout":5}""", "cwd: 'tmp' is not an absolute path" },
        { """{"argv":["/bin/echo"],"env":{"BAD-KEY":"1"},"timeout":5}""", "env: 'BAD-KEY' is not a variable name" },
        { """{"argv":["/bin/echo"],"env":{"1ST":"1"},"timeout":5}""", "env: '1ST' is not a variable name" },
        { $$"""{"argv":["/bin/echo"],"env":{{{string.Join(',', Enumerable.Range(1, 65).Select(i => $"\"V{i}\":\"x\""))}}},"timeout":5}""", "env: 65 variables given, the limit is 64" },
        { """{"argv":["/bin/echo"],"timeout":0}""", "timeout: 0 is out of range (1-300 seconds)" },
        { """{"argv":["/bin/echo"],"timeout":301}""", "timeout: 301 is out of range (1-300 seconds)" },
        { """{"argv":["/bin/echo"],"timeout":10}""", "timeout: 10s does not fit in api.server.job_timeout (10s); 9 is the most that fits (POST /job takes any timeout; poll GET /job/{id} for the answer)" },
        { """{"argv":["/bin/echo"]}""", "timeout: the default of 25s does not fit in api.server.job_timeout (10s); 9 is the most that fits" },
        { """{"argv":["/bin/echo"],"timeout":5,"dry_run":"yes"}""", "dry_run: has the wrong type" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_400_naming_the_field(string body, string details)
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, "/command/exec", Admin, body);

        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, raw);
        (await response.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldStartWith(details);
    }

    [Fact]
    public async Task A_write_token_is_403()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, "/command/exec", Writer, """{"argv":["/bin/echo","hi"],"timeout":5}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_write_token_cannot_submit_it_through_post_job_either()
    {
        using var response = await _api.Client.SendAsync(
            HttpMethod.Post, "/job", Writer, """{"operation":{"type":"command.exec.do","data":{"argv":["/bin/echo","hi"]}}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_job_takes_a_timeout_longer_than_the_apis_wait_and_still_checks_the_rest()
    {
        using var accepted = await _api.Client.SendAsync(
            HttpMethod.Post, "/job", Admin, """{"operation":{"type":"command.exec.do","data":{"argv":["/bin/echo","hi"],"timeout":300,"dry_run":true}}}""");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var refused = await _api.Client.SendAsync(
            HttpMethod.Post, "/job", Admin, """{"operation":{"type":"command.exec.do","data":{"argv":["/bin/echo"],"env":{"A-B":"1"}}}}""");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldContain("env: 'A-B' is not a variable name");
    }

    [Fact]
    public async Task An_admin_gets_one_item_per_host()
    {
        using var response = await _api.Client.SendAsync(
            HttpMethod.Post, "/command/exec", Admin, """{"argv":["/bin/echo","hi"],"cwd":"/tmp","env":{"LANG":"C"},"timeout":9}""");

        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, raw);
        var item = (await response.ReadJsonAsync()).GetProperty("results")[0];
        item.GetProperty("hostname").GetString().ShouldBe(_api.AgentHostname);
        item.GetProperty("status").GetString().ShouldBe("ok");
        item.GetProperty("changed").GetBoolean().ShouldBeTrue();
    }
}
