using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Users;
using HostOps.Providers.Users;

namespace HostOps.Agent.Operations.Users;

/// <summary><c>user.ssh-key.remove.do</c>.</summary>
internal sealed class SshKeyRemoveHandler(AgentIdentity identity, AuthorizedKeys keys)
    : DeclaredOperationHandler<SshKeyRemoveRequest, SshKeyResult>(identity)
{
    protected override Operation<SshKeyRemoveRequest, SshKeyResult> Operation => SshKeyOperations.Remove;

    protected override Task<SshKeyResult> RunAsync(SshKeyRemoveRequest input, CancellationToken cancellationToken)
    {
        var change = keys.Remove(input.Name, input.Fingerprint, input.DryRun);
        return Task.FromResult(new SshKeyResult { Changed = change.Changed, User = input.Name, Key = change.Key });
    }
}
