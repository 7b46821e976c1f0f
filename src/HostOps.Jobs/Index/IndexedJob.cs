using HostOps.Jobs.Status;

namespace HostOps.Jobs.Index;

/// <summary>
/// One job as the index holds it: a compact, immutable summary — id, operation type, target and route, creation time, the
/// broadcast's expected hosts and the <see cref="JobProgress"/> of its latest attempt. Strings are shared between
/// jobs. The definition's input, and each host's error and duration, stay in the bucket and are read when a job is
/// shown (<c>JobClient.GetAsync</c>). Every event that moves a job gives a new instance, so a reader holding one
/// always sees a consistent snapshot.
/// </summary>
public sealed class IndexedJob
{
    private readonly long _createdTicks;

    internal IndexedJob(
        Guid id, string operationType, string target, string route, long createdTicks, IReadOnlyList<string>? expectedHosts, JobProgress progress, ulong revision = 0)
    {
        Id = id;
        Revision = revision;
        OperationType = operationType;
        Target = target;
        Route = route;
        _createdTicks = createdTicks;
        ExpectedHosts = expectedHosts;
        Progress = progress;
    }

    public Guid Id { get; }

    /// <summary>The job bucket revision of the definition's write: the id of the job's <c>submitted</c> change, where its events start.</summary>
    public ulong Revision { get; }

    public string OperationType { get; }

    /// <summary>The target as submitted: <c>_any</c>, <c>_all</c>, a hostname or a <c>key:value</c> label.</summary>
    public string Target { get; }

    /// <summary>The route the job was sent to (<c>_any</c>, <c>_all</c>, <c>host.&lt;host&gt;</c>, <c>label.&lt;key&gt;.&lt;value&gt;</c>): its definition is keyed by it.</summary>
    public string Route { get; }

    public DateTimeOffset Created => new(_createdTicks, TimeSpan.Zero);

    /// <summary>The hosts a broadcast expects answers from (fixed at submit); null unless the job is a broadcast.</summary>
    public IReadOnlyList<string>? ExpectedHosts { get; }

    public JobProgress Progress { get; }

    /// <summary>
    /// Status, attempt, per-host states, last host and time of the latest event, computed from <see cref="Progress"/>.
    /// Errors and durations are not held in memory: they are null here (read them with <c>JobClient.GetAsync</c>).
    /// </summary>
    public JobStatusView View => JobStatusCalculator.View(Progress, Created, ExpectedHosts);

    internal JobOrder Order => new(_createdTicks, Id);

    internal IndexedJob With(JobProgress progress) => new(Id, OperationType, Target, Route, _createdTicks, ExpectedHosts, progress, Revision);
}
