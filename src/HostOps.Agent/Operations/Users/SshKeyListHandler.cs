using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Users;
using HostOps.Providers.Users;

namespace HostOps.Agent.Operations.Users;

/// <summary><c>user.ssh-key.list.get</c>.</summary>
internal sealed class SshKeyListHandler(AgentIdentity identity, AuthorizedKeys keys)
    : DeclaredOperationHandler<UserRequest, SshKeyListResult>(identity)
{
    protected override Operation<UserRequest, SshKeyListResult> Operation => SshKeyOperations.List;

    protected override Task<SshKeyListResult> RunAsync(UserRequest input, CancellationToken cancellationToken) =>
        Task.FromResult(new SshKeyListResult { User = input.Name, Keys = keys.List(input.Name) });
}
