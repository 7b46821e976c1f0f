using HostOps.Api.Operations;
using HostOps.Api.Security;
using HostOps.Contracts.Operations;

namespace HostOps.Api.Tests.Operations;

public sealed class RequestRulesTests
{
    [Theory]
    [InlineData("eth0", true)]
    [InlineData("enp0s31f6", true)]
    [InlineData("br-lan.10", true)]
    [InlineData("a_b-c", true)]
    [InlineData("", false)]
    [InlineData("sixteen-chars-xx", false)]
    [InlineData("eth0;reboot", false)]
    [InlineData("eth 0", false)]
    [InlineData("../etc", false)]
    public void Interface_names_are_1_to_15_safe_characters(string name, bool ok) =>
        (RequestRules.InterfaceName(name) is null).ShouldBe(ok);

    [Theory]
    [InlineData("1.1.1.1", true)]
    [InlineData("::1", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("1", false)]
    [InlineData("1.1", false)]
    [InlineData("example.com", false)]
    [InlineData("1.1.1.1; rm -rf /", false)]
    [InlineData("", false)]
    public void Addresses_are_ip_literals_only(string address, bool ok) =>
        (RequestRules.IpLiteral(address) is null).ShouldBe(ok);

    [Theory]
    [InlineData("example.com", true)]
    [InlineData("corp.example.com.", true)]
    [InlineData("a-b.c", true)]
    [InlineData("-bad.example", false)]
    [InlineData("bad-.example", false)]
    [InlineData("under_score.example", false)]
    [InlineData("", false)]
    public void Search_domains_are_rfc1123_host_names(string domain, bool ok) =>
        (RequestRules.SearchDomain(domain) is null).ShouldBe(ok);

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(0, false)]
    [InlineData(101, false)]
    public void Ping_count_is_optional_and_bounded(int? count, bool ok) =>
        (RequestRules.PingCount(count) is null).ShouldBe(ok);

    [Theory]
    [InlineData(OperationTypes.HostnameGet, Scopes.Read)]
    [InlineData(OperationTypes.StatusGet, Scopes.Read)]
    [InlineData(OperationTypes.DnsGet, Scopes.Read)]
    [InlineData(OperationTypes.DnsUpdate, Scopes.Write)]
    [InlineData(OperationTypes.PingDo, Scopes.Write)]
    [InlineData("system.service.restart", Scopes.Write)]
    public void An_operation_needs_the_scope_of_its_own_endpoint(string type, string scope) =>
        OperationScopes.Required(type).ShouldBe(scope);

    [Theory]
    [InlineData(new[] { "admin" }, new[] { "admin", "read", "write" })]
    [InlineData(new[] { "write" }, new[] { "read", "write" })]
    [InlineData(new[] { "read" }, new[] { "read" })]
    [InlineData(new[] { "read", "unknown" }, new[] { "read" })]
    [InlineData(new string[0], new string[0])]
    public void Roles_imply_scopes(string[] roles, string[] scopes) =>
        Scopes.FromRoles(roles).ShouldBe(scopes);
}
