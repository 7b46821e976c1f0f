using System.Net;
using System.Text.Json;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;
using HostOps.Testing.Certificates;

namespace HostOps.Api.Tests.Operations;

/// <summary>The sysctl, time zone, NTP, trusted-CA and cron endpoints: each bad input is a 400 naming its field (no job is sent), and the scopes.</summary>
public sealed class SystemSettingsOperationTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private static readonly string Reader = TestTokens.ForRole(Scopes.Read);
    private static readonly string Writer = TestTokens.ForRole(Scopes.Write);
    private static readonly string Admin = TestTokens.ForRole(Scopes.Admin);
    private readonly TestApi _api = shared.Api;

    [Theory]
    [InlineData("GET", "/sysctl?prefix=net..ipv4", null, "prefix: 'net..ipv4' is not a sysctl key")]
    [InlineData("GET", "/sysctl/a..b", null, "key: 'a..b' is not a sysctl key")]
    [InlineData("GET", "/sysctl/Net.IPv4", null, "key: 'Net.IPv4' is not a sysctl key")]
    [InlineData("PUT", "/sysctl/net.ipv4.ip_forward", """{"value":"1\n2"}""", "value: holds a line break")]
    [InlineData("PUT", "/sysctl/net.ipv4.ip_forward", """{"persist":true}""", "value: is required")]
    [InlineData("PUT", "/sysctl/kernel%2Fhostname", """{"value":"x"}""", "key: 'kernel")]
    [InlineData("PUT", "/timezone", """{"zone":"../../etc/passwd"}""", "zone: '../../etc/passwd' is not a time zone name")]
    [InlineData("PUT", "/timezone", "{}", "zone: is required")]
    [InlineData("PUT", "/ntp", """{"servers":[]}""", "servers: at least one server is required")]
    [InlineData("PUT", "/ntp", """{"servers":["-x"]}""", "servers[0]: '-x' is not a host name or an IP address")]
    [InlineData("PUT", "/ntp", """{"servers":["a b"]}""", "servers[0]: 'a b' is not a host name or an IP address")]
    [InlineData("GET", "/schedule/cron/a.b", null, "name: 'a.b' is not a valid entry name")]
    [InlineData("PUT", "/schedule/cron/backup", """{"schedule":"61 * * * *","user":"root","command":"true"}""", "schedule: '61 * * * *': the minute field '61' is not in 0-59")]
    [InlineData("PUT", "/schedule/cron/backup", """{"schedule":"@daily","user":"Root;","command":"true"}""", "user: 'Root;' is not a valid user name")]
    [InlineData("PUT", "/schedule/cron/backup", """{"schedule":"@daily","user":"root","command":"true\n* * * * * root evil"}""", "command: holds a line break")]
    [InlineData("DELETE", "/schedule/cron/Backup", null, "name: 'Backup' is not a valid entry name")]
    [InlineData("DELETE", "/certificate/ca/corp.root", null, "name: 'corp.root' is not a valid CA name")]
    public async Task Bad_input_is_400_naming_the_field(string method, string path, string? body, string details)
    {
        using var response = await _api.Client.SendAsync(new HttpMethod(method), path, Admin, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldStartWith(details);
    }

    public static TheoryData<string, string> BadCertificates => new()
    {
        { TestCertificates.Malformed, "pem: is not a valid PEM certificate" },
        { TestCertificates.Leaf(), "pem: 'CN=web-01.example.com' is not a CA certificate (basic constraints CA:FALSE)" },
        { TestCertificates.ExpiredCa(), "pem: 'CN=HostOps Expired CA' expired on " },
        { "not a certificate", "pem: is not a PEM certificate" },
    };

    [Theory]
    [MemberData(nameof(BadCertificates))]
    public async Task A_pem_that_is_not_an_unexpired_ca_is_400_naming_pem(string pem, string details)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["name"] = "corp-root", ["pem"] = pem });

        using var response = await _api.Client.SendAsync(HttpMethod.Post, "/certificate/ca", Admin, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldStartWith(details);
    }

    [Fact]
    public async Task Adding_a_ca_needs_admin_and_a_good_one_reaches_the_agent()
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["name"] = "corp-root", ["pem"] = TestCertificates.Ca(), ["dry_run"] = true });

        using (var writer = await _api.Client.SendAsync(HttpMethod.Post, "/certificate/ca", Writer, body))
        {
            writer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var admin = await _api.Client.SendAsync(HttpMethod.Post, "/certificate/ca", Admin, body);
        admin.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("PUT", "/sysctl/vm.swappiness", """{"value":"10"}""")]
    [InlineData("PUT", "/timezone", """{"zone":"UTC"}""")]
    [InlineData("PUT", "/ntp", """{"servers":["0.pool.ntp.org"]}""")]
    [InlineData("PUT", "/schedule/cron/backup", """{"schedule":"@daily","user":"root","command":"true"}""")]
    public async Task A_read_token_cannot_change_settings(string method, string path, string body)
    {
        using var response = await _api.Client.SendAsync(new HttpMethod(method), path, Reader, body);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
