namespace HostOps.Contracts.Operations.Users;

/// <summary>One host's answer to a group operation: the group after it (on a dry run, as it would be; after a delete, null).</summary>
public sealed record GroupResult : HostOutcome
{
    public AccountGroup? Group { get; init; }
}
