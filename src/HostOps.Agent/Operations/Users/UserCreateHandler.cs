using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Users;
using HostOps.Providers.Users;

namespace HostOps.Agent.Operations.Users;

/// <summary><c>user.create.do</c>.</summary>
internal sealed class UserCreateHandler(AgentIdentity identity, UserChanger users)
    : DeclaredOperationHandler<UserChangeRequest, UserResult>(identity)
{
    protected override Operation<UserChangeRequest, UserResult> Operation => UserOperations.Create;

    protected override async Task<UserResult> RunAsync(UserChangeRequest input, CancellationToken cancellationToken)
    {
        var change = await users.CreateAsync(input, cancellationToken);
        return new UserResult { Changed = change.Changed, User = change.User };
    }
}
