using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Users;
using HostOps.Providers.Users;

namespace HostOps.Agent.Operations.Users;

/// <summary><c>group.update.do</c>.</summary>
internal sealed class GroupUpdateHandler(AgentIdentity identity, GroupChanger groups)
    : DeclaredOperationHandler<GroupChangeRequest, GroupResult>(identity)
{
    protected override Operation<GroupChangeRequest, GroupResult> Operation => GroupOperations.Update;

    protected override async Task<GroupResult> RunAsync(GroupChangeRequest input, CancellationToken cancellationToken)
    {
        var change = await groups.UpdateAsync(input, cancellationToken);
        return new GroupResult { Changed = change.Changed, Group = change.Group };
    }
}
