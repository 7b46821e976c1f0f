using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Users;
using HostOps.Providers.Users;

namespace HostOps.Agent.Operations.Users;

/// <summary><c>user.delete.do</c>.</summary>
internal sealed class UserDeleteHandler(AgentIdentity identity, UserChanger users)
    : DeclaredOperationHandler<UserDeleteRequest, UserResult>(identity)
{
    protected override Operation<UserDeleteRequest, UserResult> Operation => UserOperations.Delete;

    protected override async Task<UserResult> RunAsync(UserDeleteRequest input, CancellationToken cancellationToken)
    {
        var change = await users.DeleteAsync(input.Name, input.RemoveHome == true, input.DryRun, cancellationToken);
        return new UserResult { Changed = change.Changed, User = change.User };
    }
}
