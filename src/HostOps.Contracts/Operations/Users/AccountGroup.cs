namespace HostOps.Contracts.Operations.Users;

/// <summary>One group as <c>/etc/group</c> describes it; <see cref="Members"/> are its supplementary members.</summary>
public sealed record AccountGroup
{
    public required string Name { get; init; }

    public int? Gid { get; init; }

    public IReadOnlyList<string> Members { get; init; } = [];
}
