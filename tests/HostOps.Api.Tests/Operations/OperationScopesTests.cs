using HostOps.Api.Operations;
using HostOps.Contracts.Operations;
using HostOps.Contracts.Security;

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
}
