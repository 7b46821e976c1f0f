namespace HostOps.Nats.Auth;

/// <summary>
/// One identity the managed nats-server accepts: an nkey public key and the subjects it may publish to and
/// subscribe to (nats-server enforces them; anything not listed is refused).
/// </summary>
public sealed record NatsUser(string Name, string PublicKey, IReadOnlyList<string> Publish, IReadOnlyList<string> Subscribe)
{
    /// <summary>An identity that may use every subject: the API side and the admin commands of the control plane.</summary>
    public static NatsUser Everything(string name, string publicKey) => new(name, publicKey, [">"], [">"]);
}
