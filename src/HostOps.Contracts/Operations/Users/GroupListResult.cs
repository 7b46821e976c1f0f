namespace HostOps.Contracts.Operations.Users;

/// <summary>One host's answer to <c>group.list.get</c>: its groups, in <c>/etc/group</c> order.</summary>
public sealed record GroupListResult : HostOutcome
{
    public IReadOnlyList<AccountGroup>? Groups { get; init; }
}
