namespace HostOps.Contracts.Operations.Users;

/// <summary>One host's answer to adding or removing a key: the key concerned (<c>changed: false</c> when it was already there, or already gone).</summary>
public sealed record SshKeyResult : HostOutcome
{
    public string? User { get; init; }

    public SshKey? Key { get; init; }
}
