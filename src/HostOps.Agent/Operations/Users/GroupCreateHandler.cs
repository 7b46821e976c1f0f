using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Users;
using HostOps.Providers.Users;

namespace HostOps.Agent.Operations.Users;

/// <summary><c>group.create.do</c>.</summary>
internal sealed class GroupCreateHandler(AgentIdentity identity, GroupChanger groups)
    : DeclaredOperationHandler<GroupChangeRequest, GroupResult>(identity)
{
    protected override Operation<GroupChangeRequest, GroupResult> Operation => GroupOperations.Create;

    protected override async Task<GroupResult> RunAsync(GroupChangeRequest input, CancellationToken cancellationToken)
    {
        var change = await groups.CreateAsync(input, cancellationToken);
        return new GroupResult { Changed = change.Changed, Group = change.Group };
    }
}
