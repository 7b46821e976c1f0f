using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Users;
using HostOps.Providers.Users;

namespace HostOps.Agent.Operations.Users;

/// <summary><c>user.password.set</c>.</summary>
internal sealed class UserPasswordHandler(AgentIdentity identity, UserChanger users)
    : DeclaredOperationHandler<UserPasswordRequest, UserResult>(identity)
{
    protected override Operation<UserPasswordRequest, UserResult> Operation => UserOperations.Password;

    protected override async Task<UserResult> RunAsync(UserPasswordRequest input, CancellationToken cancellationToken)
    {
        // The API hashes a plaintext before the job exists; one that reaches an agent anyway is refused, not stored.
        var hash = input.Hash ?? throw new OperationFailedException("password: an agent takes only a hash; send the plaintext through the API, which hashes it");
        var change = await users.SetPasswordAsync(input.Name, hash, input.DryRun, cancellationToken);
        return new UserResult { Changed = change.Changed, User = change.User };
    }
}
