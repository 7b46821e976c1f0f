using System.Text.Json.Serialization;

namespace HostOps.Contracts.Jobs;

/// <summary>
/// One change of a job as <c>GET /job/events</c> streams it (the <c>data:</c> of a server-sent event whose <c>event:</c>
/// is <see cref="Kind"/> and whose <c>id:</c> is <see cref="Id"/>).
/// </summary>
/// <param name="Id">The stream sequence of the job bucket message behind the change: totally ordered, and what a client
/// sends back as <c>Last-Event-ID</c> to resume right after it.</param>
/// <param name="Kind">What happened: a <see cref="JobEventKind"/> value (<c>submitted</c> for the job's creation), or <see cref="Deleted"/>.</param>
/// <param name="Status">The job's status once this change is applied (a <see cref="JobStatus"/> value).</param>
/// <param name="Hostname">The host the change is about; null for the API's own changes (submitted, retried, deleted).</param>
/// <param name="Time">When the change happened, as recorded in the event.</param>
/// <param name="TargetHostname">The job's target as submitted: <c>_any</c>, <c>_all</c>, a hostname or a <c>key:value</c> label.</param>
public sealed record JobChangeEvent(
    ulong Id,
    Guid JobId,
    string Kind,
    string Status,
    int Attempt,
    string? Hostname,
    DateTimeOffset Time,
    string OperationType,
    string TargetHostname)
{
    /// <summary>The kind of the change that removes a job (<c>DELETE /job/{id}</c>); a job's stream ends with it.</summary>
    public const string Deleted = "deleted";

    /// <summary>Whether the job ends its own stream with this change: terminal status or deleted.</summary>
    [JsonIgnore]
    public bool EndsJob => Kind == Deleted || JobStatus.IsTerminal(Status);
}
