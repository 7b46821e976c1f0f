using HostOps.Contracts.Jobs;

namespace HostOps.Jobs.Status;

/// <summary>
/// Where a job stands on its latest attempt, in a few fields: the attempt, the status, the time of the latest
/// event, and per host the one event that decides its state (<see cref="HostMark"/>). Immutable: <see cref="Apply"/>
/// folds one event in and returns the next progress, so the index keeps this instead of every event.
/// Folding events in any order gives the status of <see cref="JobStatusCalculator.Compute"/>; two events of one host
/// with the same rank and the very same time are the only case where arrival order decides.
/// </summary>
public readonly record struct JobProgress
{
    private readonly HostMark _first;
    private readonly HostMark[]? _more;

    private JobProgress(int attempt, string status, long updatedTicks, HostMark first, HostMark[]? more, bool dlqWithoutHost)
    {
        Attempt = attempt;
        Status = status;
        UpdatedTicks = updatedTicks;
        _first = first;
        _more = more;
        DlqWithoutHost = dlqWithoutHost;
    }

    /// <summary>A job without events: attempt 1, unprocessed.</summary>
    public static JobProgress Start { get; } = new(1, JobStatus.Unprocessed, 0, default, null, false);

    public int Attempt { get; }

    /// <summary>One of the <see cref="JobStatus"/> constants.</summary>
    public string Status { get; }

    /// <summary>UTC ticks of the latest event of this attempt; 0 while there is none (the job's creation counts).</summary>
    public long UpdatedTicks { get; }

    /// <summary>A <c>dlq</c> event without a host: the agent could not even read the job.</summary>
    public bool DlqWithoutHost { get; }

    public int HostCount => _first.Hostname is null ? 0 : 1 + (_more?.Length ?? 0);

    /// <summary>The deciding event of each host, in the order the hosts first appeared.</summary>
    public IReadOnlyList<HostMark> Hosts
    {
        get
        {
            if (_first.Hostname is null)
            {
                return [];
            }

            return _more is null ? [_first] : [_first, .. _more];
        }
    }

    /// <summary>
    /// Folds in one event. Earlier attempts are ignored, a later one starts afresh; per host the event of the highest
    /// rank wins (completed over failed over dlq over started), the latest among equals.
    /// </summary>
    /// <param name="expectedHosts">The broadcast's expected hosts; null for a single target.</param>
    public JobProgress Apply(string kind, int attempt, long ticks, string? hostname, IReadOnlyList<string>? expectedHosts)
    {
        if (attempt < Attempt)
        {
            return this;
        }

        var current = attempt > Attempt ? new JobProgress(attempt, JobStatus.Unprocessed, 0, default, null, false) : this;
        var updated = Math.Max(current.UpdatedTicks, ticks);
        var first = current._first;
        var more = current._more;
        var dlqWithoutHost = current.DlqWithoutHost;
        if (kind == JobEventKind.Dlq && hostname is null)
        {
            dlqWithoutHost = true;
        }
        else if (hostname is not null && kind != JobEventKind.Retried)
        {
            var mark = new HostMark(hostname, kind, ticks);
            if (first.Hostname is null)
            {
                first = mark;
            }
            else if (SameHost(first, hostname))
            {
                first = Wins(mark, first) ? mark : first;
            }
            else
            {
                more = Merge(more, mark);
            }
        }

        var status = StatusOf(first, more, expectedHosts);
        if (dlqWithoutHost && !JobStatus.IsTerminal(status))
        {
            status = JobStatus.Dlq;
        }

        return new JobProgress(attempt, status, updated, first, more, dlqWithoutHost);
    }

    /// <summary>The host whose deciding event came last (latest time, then highest rank).</summary>
    public string? LastHostname
    {
        get
        {
            if (_first.Hostname is null)
            {
                return null;
            }

            var last = _first;
            foreach (var mark in _more ?? [])
            {
                if (mark.Ticks > last.Ticks || (mark.Ticks == last.Ticks && Rank(mark.Kind) >= Rank(last.Kind)))
                {
                    last = mark;
                }
            }

            return last.Hostname;
        }
    }

    /// <summary>The state a host is in after its deciding event.</summary>
    public static string StateOf(string kind) => kind switch
    {
        JobEventKind.Acknowledged or JobEventKind.Started => JobStatus.Processing,
        JobEventKind.Completed => JobStatus.Completed,
        JobEventKind.Failed => JobStatus.Failed,
        JobEventKind.Dlq => JobStatus.Dlq,
        _ => JobStatus.Unprocessed,
    };

    // Higher wins when two events of one host disagree: a terminal state is never undone by a late "started".
    internal static int Rank(string kindOrState) => kindOrState switch
    {
        JobStatus.Completed or JobEventKind.Completed => 5,
        JobStatus.Failed or JobEventKind.Failed => 4,
        JobStatus.Dlq => 3,
        JobStatus.Processing or JobEventKind.Started or JobEventKind.Acknowledged => 2,
        _ => 1,
    };

    private static bool SameHost(HostMark mark, string hostname) =>
        string.Equals(mark.Hostname, hostname, StringComparison.OrdinalIgnoreCase);

    private static bool Wins(HostMark candidate, HostMark current)
    {
        var byRank = Rank(candidate.Kind).CompareTo(Rank(current.Kind));
        return byRank > 0 || (byRank == 0 && candidate.Ticks >= current.Ticks);
    }

    // Copy on write: a progress others may be reading never changes.
    private static HostMark[] Merge(HostMark[]? more, HostMark mark)
    {
        if (more is null)
        {
            return [mark];
        }

        for (var i = 0; i < more.Length; i++)
        {
            if (SameHost(more[i], mark.Hostname))
            {
                if (!Wins(mark, more[i]))
                {
                    return more;
                }

                var copy = (HostMark[])more.Clone();
                copy[i] = mark;
                return copy;
            }
        }

        return [.. more, mark];
    }

    private static string StatusOf(HostMark first, HostMark[]? more, IReadOnlyList<string>? expectedHosts)
    {
        if (expectedHosts is not null)
        {
            return Aggregate(expectedHosts, first, more);
        }

        if (first.Hostname is null)
        {
            return JobStatus.Unprocessed;
        }

        var best = first;
        foreach (var mark in more ?? [])
        {
            if (Rank(mark.Kind) > Rank(best.Kind))
            {
                best = mark;
            }
        }

        return StateOf(best.Kind);
    }

    // A broadcast: every expected host and every host that answered counts; one still open keeps it processing.
    private static string Aggregate(IReadOnlyList<string> expected, HostMark first, HostMark[]? more)
    {
        var states = new List<string>(expected.Count + 1);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (first.Hostname is not null)
        {
            foreach (var mark in more is null ? new[] { first } : [first, .. more])
            {
                seen.Add(mark.Hostname);
                states.Add(StateOf(mark.Kind));
            }
        }

        foreach (var host in expected)
        {
            if (seen.Add(host))
            {
                states.Add(JobStatus.Unprocessed);
            }
        }

        if (states.Count == 0 || states.All(s => s == JobStatus.Unprocessed))
        {
            return JobStatus.Unprocessed;
        }

        if (states.Any(s => !JobStatus.IsTerminal(s)))
        {
            return JobStatus.Processing;
        }

        if (states.All(s => s == JobStatus.Completed))
        {
            return JobStatus.Completed;
        }

        if (states.All(s => s == JobStatus.Dlq))
        {
            return JobStatus.Dlq;
        }

        return states.Any(s => s == JobStatus.Completed) ? JobStatus.PartialFailure : JobStatus.Failed;
    }
}
