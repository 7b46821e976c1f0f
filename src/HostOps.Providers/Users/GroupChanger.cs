using System.Globalization;
using HostOps.Contracts.Operations.Users;

namespace HostOps.Providers.Users;

/// <summary>
/// Creates, changes and deletes local groups through <c>groupadd</c>, <c>groupmod -g</c>, <c>gpasswd -M</c> (the
/// members, exactly) and <c>groupdel</c>. Each change reads the group first and runs a tool only for what differs;
/// a dry run answers the group as it would be and runs nothing; a change needs <see cref="HostChangeGuard"/>.
/// </summary>
[HostProvider]
public sealed class GroupChanger(AccountDatabase accounts, AccountTool tool, HostChangeGuard guard)
{
    /// <summary><c>group.create.do</c>: a new group, or an existing one brought to the gid and members given.</summary>
    public async Task<GroupChange> CreateAsync(GroupChangeRequest request, CancellationToken cancellationToken)
    {
        if (accounts.Group(request.Name) is not null)
        {
            return await UpdateAsync(request, cancellationToken);
        }

        var predicted = new AccountGroup { Name = request.Name, Gid = request.Gid, Members = request.Members ?? [] };
        if (request.DryRun)
        {
            return new GroupChange(predicted, true);
        }

        guard.EnsureAllowed($"creating group {request.Name}");
        await tool.RunAsync("groupadd", request.Gid is { } gid ? ["-g", Text(gid), request.Name] : [request.Name], cancellationToken);
        if (request.Members is { Count: > 0 } members)
        {
            await tool.RunAsync("gpasswd", ["-M", string.Join(',', members), request.Name], cancellationToken);
        }

        return new GroupChange(accounts.ExistingGroup(request.Name), true);
    }

    /// <summary><c>group.update.do</c>: an existing group's gid and members set where they differ.</summary>
    public async Task<GroupChange> UpdateAsync(GroupChangeRequest request, CancellationToken cancellationToken)
    {
        var group = accounts.ExistingGroup(request.Name);
        var newGid = request.Gid is { } gid && gid != group.Gid ? request.Gid : null;
        var newMembers = request.Members is { } members && !members.ToHashSet(StringComparer.Ordinal).SetEquals(group.Members) ? members : null;
        if (newGid is null && newMembers is null)
        {
            return new GroupChange(group, false);
        }

        if (request.DryRun)
        {
            return new GroupChange(group with { Gid = newGid ?? group.Gid, Members = newMembers ?? group.Members }, true);
        }

        guard.EnsureAllowed($"changing group {request.Name}");
        if (newGid is not null)
        {
            await tool.RunAsync("groupmod", ["-g", Text(newGid.Value), request.Name], cancellationToken);
        }

        if (newMembers is not null)
        {
            await tool.RunAsync("gpasswd", ["-M", string.Join(',', newMembers), request.Name], cancellationToken);
        }

        return new GroupChange(accounts.ExistingGroup(request.Name), true);
    }

    /// <summary><c>group.delete.do</c>: removes the group; none is unchanged. groupdel refuses a user's primary group.</summary>
    public async Task<GroupChange> DeleteAsync(string name, bool dryRun, CancellationToken cancellationToken)
    {
        if (accounts.Group(name) is null)
        {
            return new GroupChange(null, false);
        }

        if (!dryRun)
        {
            guard.EnsureAllowed($"deleting group {name}");
            await tool.RunAsync("groupdel", [name], cancellationToken);
        }

        return new GroupChange(null, true);
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
