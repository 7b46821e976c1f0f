using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Users;
using HostOps.Providers.Users;

namespace HostOps.Agent.Operations.Users;

/// <summary><c>user.detail.get</c>.</summary>
internal sealed class UserDetailHandler(AgentIdentity identity, AccountDatabase accounts)
    : DeclaredOperationHandler<UserRequest, UserResult>(identity)
{
    protected override Operation<UserRequest, UserResult> Operation => UserOperations.Detail;

    protected override Task<UserResult> RunAsync(UserRequest input, CancellationToken cancellationToken) =>
        Task.FromResult(new UserResult { User = accounts.ExistingUser(input.Name) });
}
