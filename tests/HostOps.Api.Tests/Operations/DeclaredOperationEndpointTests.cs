using System.Net;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;

namespace HostOps.Api.Tests.Operations;

/// <summary>
/// The endpoint a declaration gives (here <c>PUT /system/hostname</c>, answered by a canned agent): the input from
/// body, route and query, every refusal a 400 naming the field before any job exists, failed hosts listed.
/// </summary>
public sealed class DeclaredOperationEndpointTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private static readonly string Reader = TestTokens.ForRole(Scopes.Read);
    private static readonly string Writer = TestTokens.ForRole(Scopes.Write);
    private readonly TestApi _api = shared.Api;

    [Fact]
    public async Task A_change_answers_one_item_per_host_with_status_and_changed()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Put, "/system/hostname?target_hostname=_any", Writer, """{"name":"web-01"}""");
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, raw);
        raw.ShouldBe($$"""{"results":[{"hostname":"{{_api.AgentHostname}}","status":"ok","changed":true}]}""");
    }

    [Fact]
    public async Task A_dry_run_reaches_the_agent()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Put, "/system/hostname", Writer, """{"name":"web-01","dry_run":true}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("results")[0].GetProperty("changed").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("/system/hostname", """{"name":"-web"}""", "name: '-web' is not a valid hostname")]
    [InlineData("/system/hostname", """{"name":"web_01"}""", "name: 'web_01' is not a valid hostname")]
    [InlineData("/system/hostname", """{}""", "name: is required")]
    [InlineData("/system/hostname", """{"name":["a"]}""", "name: has the wrong type")]
    [InlineData("/system/hostname", """["web"]""", "body: must be a JSON object")]
    [InlineData("/system/hostname", """{"name":""", "body: is not valid JSON")]
    [InlineData("/system/hostname?dry_run=yes", """{"name":"web"}""", "dry_run: unknown query parameter")]
    [InlineData("/system/hostname?target_hostname=bad%20host", """{"name":"web"}""", "target_hostname")]
    public async Task Bad_input_is_400_naming_the_field_and_no_job_is_stored(string path, string body, string details)
    {
        var before = await JobCountAsync();

        using var response = await _api.Client.SendAsync(HttpMethod.Put, path, Writer, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = await response.ReadErrorAsync();
        error.Code.ShouldBe(400);
        error.Details.ShouldNotBeNull().ShouldStartWith(details);
        (await JobCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_read_token_is_403_on_a_write_operation()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Put, "/system/hostname", Reader, """{"name":"web-01"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_host_that_fails_makes_the_answer_502_with_its_error()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Put, "/system/hostname", Writer, """{"name":"fail-on-agent"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await response.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldContain($"{_api.AgentHostname}: {CannedHandlers.FailingValue}: refused");
    }

    [Fact]
    public async Task Post_job_checks_a_declared_operations_data_and_its_scope()
    {
        using var bad = await _api.Client.SendAsync(HttpMethod.Post, "/job", Writer, """{"operation":{"type":"system.hostname.set","data":{"name":"-x"}}}""");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldStartWith("operation.data.name: '-x' is not a valid hostname");

        using var forbidden = await _api.Client.SendAsync(HttpMethod.Post, "/job", Reader, """{"operation":{"type":"system.hostname.set","data":{"name":"web"}}}""");
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var accepted = await _api.Client.SendAsync(HttpMethod.Post, "/job", Writer, """{"operation":{"type":"system.hostname.set","data":{"name":"web","dry_run":true}}}""");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private async Task<int> JobCountAsync()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Get, "/job/status", Reader);
        return (await response.ReadJsonAsync()).GetProperty("total_jobs").GetInt32();
    }
}
