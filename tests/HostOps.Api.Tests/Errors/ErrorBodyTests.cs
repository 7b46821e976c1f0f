using System.Net;
using System.Text;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Api.Tests.Errors;

/// <summary>Every 4xx/5xx carries <c>{error, details, code}</c>; bad input names its field; nothing leaks internals.</summary>
public sealed class ErrorBodyTests(ExplodingClockApi shared) : IClassFixture<ExplodingClockApi>
{
    private readonly ExplodingClock _clock = shared.Clock;
    private readonly TestApi _api = shared.Api;

    public static TheoryData<string, string, string?, string> BadRequests => new()
    {
        { "POST", "/job", """{"operation":""", "operation" },
        { "POST", "/job", "not json at all", "body" },
        { "POST", "/job", """{"operation":{"type":5}}""", "operation.type" },
        { "POST", "/job", """{"operation":{"type":"nope.get"}}""", "operation.type" },
        { "POST", "/job", """{"target_hostname":"_any"}""", "operation" },
        { "POST", "/job", null, "operation" },
        { "POST", "/job", """{"operation":{"type":"system.hostname.get"},"target_hostname":"bad target!"}""", "target_hostname" },
        { "GET", "/job/not-a-uuid", null, "id" },
        { "DELETE", "/job/not-a-uuid", null, "id" },
        { "POST", "/job/not-a-uuid/retry", null, "id" },
        { "GET", "/job?status=bogus", null, "status" },
        { "GET", "/job?limit=0", null, "limit" },
        { "GET", "/job?limit=abc", null, "limit" },
        { "GET", "/job?offset=-1", null, "offset" },
        { "GET", "/job?limit=101", null, "limit" },
        { "GET", "/job?offset=10001", null, "offset" },
        { "GET", "/job?cursor=bogus", null, "cursor" },
        { "GET", "/job?cursor=AQ", null, "cursor" },
        { "GET", "/job?cursor=AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&offset=5", null, "offset" },
        { "POST", "/network/ping", """{"address":"1.1.1.1","count":"four"}""", "count" },
        { "POST", "/network/ping", """{"address":"example.com"}""", "address" },
        { "POST", "/network/ping", """{"address":"1.1"}""", "address" },
        { "POST", "/network/ping", """{"address":"1.1.1.1","count":0}""", "count" },
        { "POST", "/network/ping", null, "body" },
        { "GET", "/network/dns/this-name-is-far-too-long", null, "interface_name" },
        { "GET", "/network/dns/eth0;reboot", null, "interface_name" },
        { "PUT", "/network/dns", """{"interface_name":"eth 0","servers":["1.1.1.1"]}""", "interface_name" },
        { "PUT", "/network/dns", """{"interface_name":"eth0","servers":["1.1.1.1","nope"]}""", "servers[1]" },
        { "PUT", "/network/dns", """{"interface_name":"eth0","servers":["1.1.1.1"],"search_domains":["-bad-.example"]}""", "search_domains[0]" },
        { "PUT", "/network/dns", """{"interface_name":"eth0","servers":"1.1.1.1"}""", "servers" },
        { "GET", "/system/hostname?target_hostname=bad%20target!", null, "target_hostname" },
        { "POST", "/job", """{"operation":{"type":"network.dns.update","data":{"interface_name":"eth0;reboot","servers":["1.1.1.1"]}}}""", "operation.interface_name" },
        { "POST", "/job", """{"operation":{"type":"network.ping.do","data":{"address":"010.0.0.1"}}}""", "operation.address" },
        { "POST", "/job", """{"operation":{"type":"system.hostname.get","data":{"interface_name":"eth0"}}}""", "operation.data" },
        { "POST", "/job", """{"operation":{"type":"system.status.get","data":[]}}""", "operation.data" },
        { "POST", "/job", """{"operation":{"type":"system.status.get","data":"x"}}""", "operation.data" },
        { "POST", "/job", """{"operation":{"type":"system.hostname.get"},"target_hostname":"web1\n"}""", "target_hostname" },
        { "POST", "/job", """{"operation":{"type":"system.hostname.get"},"target_hostname":"group:web\n"}""", "target_hostname" },
        { "GET", "/system/hostname?target_hostname=web1%0A", null, "target_hostname" },
        { "GET", "/network/dns/-x", null, "interface_name" },
        { "GET", "/network/dns/.hidden", null, "interface_name" },
        { "GET", "/network/dns/eth0%0A", null, "interface_name" },
        { "PUT", "/network/dns", """{"interface_name":"eth0","servers":["10.0.0.1","10.0.0.2","10.0.0.3","10.0.0.4","10.0.0.5","10.0.0.6","10.0.0.7","10.0.0.8","10.0.0.9"]}""", "servers" },
        { "PUT", "/network/dns", $$"""{"interface_name":"eth0","search_domains":[{{string.Join(',', Enumerable.Range(1, 17).Select(i => $"\"d{i}.example\""))}}]}""", "search_domains" },
        { "POST", "/network/ping", """{"address":"255.255.255.255"}""", "address" },
        { "POST", "/network/ping", """{"address":"224.0.0.1","count":1}""", "address" },
        { "POST", "/network/ping", """{"address":"ff02::1"}""", "address" },
        { "POST", "/job", """{"operation":{"type":"network.ping.do","data":{"address":"239.1.1.1"}}}""", "operation.address" },
        { "POST", "/network/ping", """{"address":"127.0.0.1","count":41}""", "count" }, // 41 echoes take up to 10s = api.server.job_timeout
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_400_naming_the_field(string method, string path, string? body, string field)
    {
        using var response = await _api.Client.SendAsync(new HttpMethod(method), path, TestTokens.ForRole(Scopes.Admin), body);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, raw);
        var error = await response.ReadErrorAsync();
        error.Code.ShouldBe(400);
        error.Error.ShouldBe("Invalid request");
        error.Details.ShouldNotBeNull().ShouldStartWith(field + ": ");
        ShouldNotLeak(raw);
    }

    [Theory]
    [InlineData("""{"operation":{"type":"system.hostname.get","data":{}}}""")]
    [InlineData("""{"operation":{"type":"system.hostname.get","data":null}}""")]
    [InlineData("""{"operation":{"type":"system.hostname.get"}}""")]
    public async Task An_operation_without_input_accepts_empty_null_or_absent_data(string body)
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, "/job", TestTokens.ForRole(Scopes.Admin), body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Data_for_an_operation_without_input_is_refused_saying_so()
    {
        using var response = await _api.Client.SendAsync(
            HttpMethod.Post, "/job", TestTokens.ForRole(Scopes.Admin), """{"operation":{"type":"system.hostname.get","data":{"x":1}}}""");
        (await response.ReadErrorAsync()).Details.ShouldBe("operation.data: system.hostname.get takes no input (leave data out, or send {} or null)");
    }

    [Fact]
    public async Task A_ping_that_could_outlast_the_job_timeout_says_how_many_echoes_fit()
    {
        using var response = await _api.Client.SendAsync(
            HttpMethod.Post, "/network/ping", TestTokens.ForRole(Scopes.Admin), """{"address":"127.0.0.1","count":100}""");
        (await response.ReadErrorAsync()).Details.ShouldBe(
            "count: 100 echoes can take 21.8s, which does not fit in api.server.job_timeout (10s); 40 is the most that fits");
    }

    [Theory]
    [InlineData("GET", "/no/such/route", 404)]
    [InlineData("GET", "/job/status/extra/segments", 404)]
    [InlineData("DELETE", "/health", 405)]
    [InlineData("PUT", "/job/status", 405)]
    public async Task Unknown_routes_and_methods_answer_with_the_error_body(string method, string path, int code)
    {
        using var response = await _api.Client.SendAsync(new HttpMethod(method), path, TestTokens.ForRole(Scopes.Admin));
        ((int)response.StatusCode).ShouldBe(code);
        var error = await response.ReadErrorAsync();
        error.Code.ShouldBe(code);
        error.Details.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_known_but_missing_job_is_404()
    {
        var id = Guid.NewGuid();
        using var response = await _api.Client.SendAsync(HttpMethod.Get, $"/job/{id}", TestTokens.ForRole(Scopes.Read));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadErrorAsync()).Details.ShouldBe($"no job {id}");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415_with_the_error_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/job") { Content = new StringContent("operation=x", Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new("Bearer", TestTokens.ForRole(Scopes.Admin));
        using var response = await _api.Client.SendAsync(request, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await response.ReadErrorAsync()).Code.ShouldBe(415);
    }

    [Fact]
    public async Task An_unexpected_failure_is_500_without_message_type_or_stack()
    {
        _clock.Explode = true;
        try
        {
            using var response = await _api.Client.SendAsync(HttpMethod.Post, "/job", TestTokens.ForRole(Scopes.Admin), """{"operation":{"type":"system.hostname.get"}}""");
            var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
            raw.ShouldBe("""{"error":"Internal server error","code":500}""");
        }
        finally
        {
            _clock.Explode = false;
        }
    }

    private static void ShouldNotLeak(string raw)
    {
        raw.ShouldNotContain("Exception", Case.Sensitive);
        raw.ShouldNotContain("System.", Case.Sensitive);
        raw.ShouldNotContain(" at ", Case.Sensitive);
        raw.ShouldNotContain("HostOps.", Case.Sensitive);
    }
}

/// <summary>The API <see cref="ErrorBodyTests"/> share: no agent, and a clock a test can make throw (and must reset).</summary>
public sealed class ExplodingClockApi : SharedApi
{
    public ExplodingClock Clock { get; } = new();

    protected override bool WithAgent => false;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
