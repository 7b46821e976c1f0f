namespace HostOps.Contracts.Agents;

/// <summary>
/// An agent known to the control plane, kept in the enrollment bucket under its host token: the public key of the
/// nkey it made on its host, the labels it consumes for, and whether it may connect (<see cref="AgentStates"/>).
/// Only accepted agents are given a NATS identity.
/// </summary>
public sealed record AgentEnrollment(
    string Hostname,
    string PublicKey,
    IReadOnlyDictionary<string, string> Labels,
    string State,
    DateTimeOffset EnrolledAt,
    string? MachineId = null,
    bool Draining = false);

/// <summary>The states of an <see cref="AgentEnrollment"/>.</summary>
public static class AgentStates
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
}
