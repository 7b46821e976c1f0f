using HostOps.Api.Operations;
using HostOps.Api.Security;
using HostOps.Contracts.Operations;

namespace HostOps.Api.Tests.Operations;

public sealed class OperationScopesTests
{
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
