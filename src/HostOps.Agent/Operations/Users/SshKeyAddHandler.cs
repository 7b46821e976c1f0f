using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Users;
using HostOps.Providers.Users;

namespace HostOps.Agent.Operations.Users;

/// <summary><c>user.ssh-key.add.do</c>.</summary>
internal sealed class SshKeyAddHandler(AgentIdentity identity, AuthorizedKeys keys)
    : DeclaredOperationHandler<SshKeyAddRequest, SshKeyResult>(identity)
{
    protected override Operation<SshKeyAddRequest, SshKeyResult> Operation => SshKeyOperations.Add;

    protected override Task<SshKeyResult> RunAsync(SshKeyAddRequest input, CancellationToken cancellationToken)
    {
        var change = keys.Add(input.Name, input.Key, input.DryRun);
        return Task.FromResult(new SshKeyResult { Changed = change.Changed, User = input.Name, Key = change.Key });
    }
}
