using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Users;
using HostOps.Providers.Users;

namespace HostOps.Agent.Operations.Users;

/// <summary><c>group.detail.get</c>.</summary>
internal sealed class GroupDetailHandler(AgentIdentity identity, AccountDatabase accounts)
    : DeclaredOperationHandler<GroupRequest, GroupResult>(identity)
{
    protected override Operation<GroupRequest, GroupResult> Operation => GroupOperations.Detail;

    protected override Task<GroupResult> RunAsync(GroupRequest input, CancellationToken cancellationToken) =>
        Task.FromResult(new GroupResult { Group = accounts.ExistingGroup(input.Name) });
}
