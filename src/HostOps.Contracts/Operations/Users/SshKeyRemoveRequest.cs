namespace HostOps.Contracts.Operations.Users;

/// <summary>Input of <c>user.ssh-key.remove.do</c>: the key to remove, by fingerprint (<see cref="SshPublicKey.NormalizeFingerprint"/>).</summary>
public sealed record SshKeyRemoveRequest : ChangeRequest
{
    /// <summary>The user.</summary>
    public required string Name { get; init; }

    /// <summary><c>SHA256:…</c> as <c>ssh-keygen -lf</c> prints it, or its base64 alone, or that in base64url (<c>-</c> and <c>_</c>).</summary>
    public required string Fingerprint { get; init; }
}
