using HostOps.Contracts.Jobs;

namespace HostOps.Jobs.Status;

/// <summary>
/// Computes a job's status from its definition and events; only the latest attempt counts, earlier attempts stay
/// as history. A single-target job takes the most advanced host state (a redelivered job finished by a second agent
/// is completed, once). A broadcast aggregates its expected hosts: all completed → completed, all failed →
/// failed, a mix → partial_failure, any still open → processing (unprocessed while nobody has started).
/// </summary>
public static class JobStatusCalculator
{
    public static JobStatusView Compute(JobDefinition definition, IEnumerable<JobEvent> events)
    {
        var all = events.ToList();
        var attempt = all.Count == 0 ? 1 : Math.Max(1, all.Max(e => e.Attempt));
        var hosts = new Dictionary<string, HostState>(StringComparer.OrdinalIgnoreCase);
        var updated = definition.Created;
        string? lastHost = null;
        var dlqWithoutHost = false;
        string? dlqError = null;
        foreach (var e in all.Where(e => e.Attempt == attempt).OrderBy(e => e.Timestamp).ThenBy(e => Rank(e.Kind)))
        {
            updated = e.Timestamp > updated ? e.Timestamp : updated;
            if (e.Kind == JobEventKind.Dlq && e.Hostname is null)
            {
                dlqWithoutHost = true;
                dlqError = e.Error;
                continue;
            }

            if (e.Hostname is null || e.Kind == JobEventKind.Retried)
            {
                continue;
            }

            var state = StateOf(e.Kind);
            if (!hosts.TryGetValue(e.Hostname, out var current) || Rank(state) >= Rank(current.Status))
            {
                hosts[e.Hostname] = new HostState(e.Hostname, state, e.Error, e.DurationMs ?? current?.DurationMs, e.Timestamp);
                lastHost = e.Hostname;
            }
        }

        var isBroadcast = definition.ExpectedHosts is not null;
        var status = isBroadcast
            ? Aggregate(definition.ExpectedHosts!, hosts)
            : hosts.Count == 0 ? JobStatus.Unprocessed : hosts.Values.MaxBy(h => Rank(h.Status))!.Status;
        if (dlqWithoutHost && !JobStatus.IsTerminal(status))
        {
            status = JobStatus.Dlq;
        }

        var error = status switch
        {
            JobStatus.Dlq when dlqWithoutHost => dlqError,
            JobStatus.Failed or JobStatus.PartialFailure or JobStatus.Dlq =>
                string.Join("; ", hosts.Values.Where(h => h.Error is not null).Select(h => isBroadcast ? $"{h.Hostname}: {h.Error}" : h.Error)),
            _ => null,
        };
        return new JobStatusView(status, attempt, hosts, lastHost, string.IsNullOrEmpty(error) ? null : error, updated);
    }

    private static string Aggregate(IReadOnlyList<string> expected, Dictionary<string, HostState> hosts)
    {
        var names = expected.Union(hosts.Keys, StringComparer.OrdinalIgnoreCase).ToList();
        var states = names.Select(n => hosts.TryGetValue(n, out var h) ? h.Status : JobStatus.Unprocessed).ToList();
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

    private static string StateOf(string kind) => kind switch
    {
        JobEventKind.Acknowledged or JobEventKind.Started => JobStatus.Processing,
        JobEventKind.Completed => JobStatus.Completed,
        JobEventKind.Failed => JobStatus.Failed,
        JobEventKind.Dlq => JobStatus.Dlq,
        _ => JobStatus.Unprocessed,
    };

    // Higher wins when two events of one host disagree: a terminal state is never undone by a late "started".
    private static int Rank(string state) => state switch
    {
        JobStatus.Completed or JobEventKind.Completed => 5,
        JobStatus.Failed or JobEventKind.Failed => 4,
        JobStatus.Dlq => 3,
        JobStatus.Processing or JobEventKind.Started or JobEventKind.Acknowledged => 2,
        _ => 1,
    };
}
