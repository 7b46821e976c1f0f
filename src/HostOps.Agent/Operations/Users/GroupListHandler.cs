using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Users;
using HostOps.Providers.Users;

namespace HostOps.Agent.Operations.Users;

/// <summary><c>group.list.get</c>.</summary>
internal sealed class GroupListHandler(AgentIdentity identity, AccountDatabase accounts)
    : DeclaredOperationHandler<NoInput, GroupListResult>(identity)
{
    protected override Operation<NoInput, GroupListResult> Operation => GroupOperations.List;

    protected override Task<GroupListResult> RunAsync(NoInput input, CancellationToken cancellationToken) =>
        Task.FromResult(new GroupListResult { Groups = accounts.Groups() });
}
