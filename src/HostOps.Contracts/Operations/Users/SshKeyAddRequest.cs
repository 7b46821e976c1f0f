namespace HostOps.Contracts.Operations.Users;

/// <summary>Input of <c>user.ssh-key.add.do</c>: a public key line to have in the user's <c>~/.ssh/authorized_keys</c>.</summary>
public sealed record SshKeyAddRequest : ChangeRequest
{
    /// <summary>The user.</summary>
    public required string Name { get; init; }

    /// <summary>The key as <c>ssh-keygen</c> writes it: <c>TYPE BASE64 [COMMENT]</c>, no options (<see cref="SshPublicKey"/>).</summary>
    public required string Key { get; init; }
}
