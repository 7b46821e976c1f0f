namespace HostOps.Contracts.Operations.Users;

/// <summary>
/// One account as <c>/etc/passwd</c>, <c>/etc/group</c> and <c>/etc/shadow</c> describe it. <see cref="Groups"/> are
/// the supplementary groups; <see cref="Locked"/> is null when the agent cannot read <c>/etc/shadow</c>.
/// </summary>
public sealed record UserAccount
{
    public required string Name { get; init; }

    public int? Uid { get; init; }

    public int? Gid { get; init; }

    /// <summary>The primary group's name (null when no group has the gid).</summary>
    public string? Group { get; init; }

    public IReadOnlyList<string> Groups { get; init; } = [];

    public string Home { get; init; } = "";

    public string Shell { get; init; } = "";

    public string Comment { get; init; } = "";

    public bool? Locked { get; init; }
}
