namespace HostOps.Contracts.Agents;

/// <summary>
/// <c>POST /agent/enroll</c>: an agent announces the public key of the nkey it made on its host. With a join token
/// it is accepted at once; without one it waits, pending, for an admin.
/// </summary>
public sealed record EnrollAgentRequest(
    string? Hostname,
    string? PublicKey,
    Dictionary<string, string>? Labels = null,
    string? MachineId = null,
    string? JoinToken = null);

/// <summary>
/// The answer to an enrollment: the agent's state, how it connects once accepted, and the labels it serves (its own
/// plus those its join token grants; its NATS permissions follow them).
/// </summary>
public sealed record EnrollAgentResponse(
    string Hostname, string State, IReadOnlyList<string> NatsUrls, string InboxPrefix, IReadOnlyDictionary<string, string>? Labels = null);

/// <summary>An enrolled agent as <c>GET /agent</c> shows it: its enrollment and, while its heartbeat lives, what it reports.</summary>
public sealed record AgentInfo(
    string Hostname,
    string State,
    IReadOnlyDictionary<string, string> Labels,
    DateTimeOffset EnrolledAt,
    bool Live,
    DateTimeOffset? LastSeen,
    string? Version,
    int? RunningJobs,
    bool Draining = false);

public sealed record AgentList(IReadOnlyList<AgentInfo> Agents, int Total);

/// <summary>What an agent keeps in its data directory once enrolled (<c>identity/enrollment.json</c>): where it enrolled and the answer.</summary>
public sealed record SavedEnrollment(string Api, string PublicKey, EnrollAgentResponse Enrollment);
