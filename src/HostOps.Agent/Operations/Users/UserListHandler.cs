using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Users;
using HostOps.Providers.Users;

namespace HostOps.Agent.Operations.Users;

/// <summary><c>user.list.get</c>.</summary>
internal sealed class UserListHandler(AgentIdentity identity, AccountDatabase accounts)
    : DeclaredOperationHandler<NoInput, UserListResult>(identity)
{
    protected override Operation<NoInput, UserListResult> Operation => UserOperations.List;

    protected override Task<UserListResult> RunAsync(NoInput input, CancellationToken cancellationToken) =>
        Task.FromResult(new UserListResult { Users = accounts.Users() });
}
