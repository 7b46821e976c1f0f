using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Users;
using HostOps.Providers.Users;

namespace HostOps.Agent.Operations.Users;

/// <summary><c>group.delete.do</c>.</summary>
internal sealed class GroupDeleteHandler(AgentIdentity identity, GroupChanger groups)
    : DeclaredOperationHandler<GroupDeleteRequest, GroupResult>(identity)
{
    protected override Operation<GroupDeleteRequest, GroupResult> Operation => GroupOperations.Delete;

    protected override async Task<GroupResult> RunAsync(GroupDeleteRequest input, CancellationToken cancellationToken)
    {
        var change = await groups.DeleteAsync(input.Name, input.DryRun, cancellationToken);
        return new GroupResult { Changed = change.Changed, Group = change.Group };
    }
}
