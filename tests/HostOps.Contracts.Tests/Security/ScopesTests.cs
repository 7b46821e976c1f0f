using HostOps.Contracts.Security;
using Shouldly;
using Xunit;

namespace HostOps.Contracts.Tests.Security;

public sealed class ScopesTests
{
    [Theory]
    [InlineData(new[] { "admin" }, new[] { "admin", "read", "write" })]
    [InlineData(new[] { "write" }, new[] { "read", "write" })]
    [InlineData(new[] { "read" }, new[] { "read" })]
    [InlineData(new[] { "read", "unknown" }, new[] { "read" })]
    [InlineData(new string[0], new string[0])]
    public void Roles_imply_scopes(string[] roles, string[] scopes) =>
        Scopes.FromRoles(roles).ShouldBe(scopes);

    [Fact]
    public void The_roles_are_admin_write_read() =>
        Scopes.Roles.ShouldBe(["admin", "write", "read"]);
}
