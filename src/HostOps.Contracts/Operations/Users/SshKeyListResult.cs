namespace HostOps.Contracts.Operations.Users;

/// <summary>One host's answer to <c>user.ssh-key.list.get</c>: the keys of the user's <c>~/.ssh/authorized_keys</c> (none when it has no such file).</summary>
public sealed record SshKeyListResult : HostOutcome
{
    public string? User { get; init; }

    public IReadOnlyList<SshKey>? Keys { get; init; }
}
