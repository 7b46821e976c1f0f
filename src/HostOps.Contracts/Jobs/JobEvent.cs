namespace HostOps.Contracts.Jobs;

/// <summary>
/// One status event of a job, stored under its own key so events are append-only.
/// <c>Kind</c> is one of <see cref="JobEventKind"/>; <c>Attempt</c> starts at 1 and grows with each retry.
/// An agent's terminal event (<c>completed</c> or <c>failed</c>) carries what the host answered in
/// <c>Response</c>, so the result is stored by the same write that ends the attempt; a terminal event written for a
/// host that did not answer (its agent was gone) has none.
/// </summary>
public sealed record JobEvent(
    string Kind,
    int Attempt,
    DateTimeOffset Timestamp,
    string? Hostname = null,
    string? Error = null,
    double? DurationMs = null,
    JobHostResponse? Response = null);
