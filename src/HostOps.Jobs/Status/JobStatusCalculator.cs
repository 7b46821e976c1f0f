using HostOps.Contracts.Jobs;

namespace HostOps.Jobs.Status;

/// <summary>
/// Computes a job's status from its definition and events; only the latest attempt counts, earlier attempts stay
/// as history. A single-target job takes the most advanced host state (a redelivered job finished by a second agent
/// is completed, once). A broadcast aggregates its expected hosts: all completed → completed, all failed →
/// failed, a mix → partial_failure, any still open → processing (unprocessed while nobody has started).
/// The rules live in <see cref="JobProgress"/>, which the index folds one event at a time; <see cref="View"/>
/// turns a progress into what a reader sees.
/// </summary>
public static class JobStatusCalculator
{
    public static JobStatusView Compute(JobDefinition definition, IEnumerable<JobEvent> events)
    {
        var ordered = events.OrderBy(e => e.Timestamp).ThenBy(e => JobProgress.Rank(e.Kind)).ToList();
        var progress = JobProgress.Start;
        foreach (var e in ordered)
        {
            progress = progress.Apply(e.Kind, e.Attempt, e.Timestamp.UtcTicks, e.Hostname, definition.ExpectedHosts);
        }

        var attempt = progress.Attempt;
        return View(progress, definition.Created, definition.ExpectedHosts, (kind, host) =>
        {
            var match = ordered.LastOrDefault(e =>
                e.Attempt == attempt && e.Kind == kind && string.Equals(e.Hostname, host, StringComparison.OrdinalIgnoreCase));
            return new HostDetail(match?.Error, match?.DurationMs);
        });
    }

    /// <summary>
    /// The view of a progress. <paramref name="details"/> gives the error and duration of the current attempt's event
    /// of a kind and host (host null for a dead letter without one); without it, errors and durations are null.
    /// </summary>
    public static JobStatusView View(
        JobProgress progress, DateTimeOffset created, IReadOnlyList<string>? expectedHosts, Func<string, string?, HostDetail>? details = null)
    {
        var hosts = new Dictionary<string, HostState>(progress.HostCount, StringComparer.OrdinalIgnoreCase);
        foreach (var mark in progress.Hosts)
        {
            var detail = details is not null && NeedsDetail(mark.Kind) ? details(mark.Kind, mark.Hostname) : default;
            hosts[mark.Hostname] = new HostState(
                mark.Hostname, JobProgress.StateOf(mark.Kind), detail.Error, detail.DurationMs, new DateTimeOffset(mark.Ticks, TimeSpan.Zero));
        }

        var isBroadcast = expectedHosts is not null;
        var error = progress.Status switch
        {
            JobStatus.Dlq when progress.DlqWithoutHost => details?.Invoke(JobEventKind.Dlq, null).Error,
            JobStatus.Failed or JobStatus.PartialFailure or JobStatus.Dlq =>
                string.Join("; ", hosts.Values.Where(h => h.Error is not null).Select(h => isBroadcast ? $"{h.Hostname}: {h.Error}" : h.Error)),
            _ => null,
        };
        var updated = progress.UpdatedTicks > created.UtcTicks ? new DateTimeOffset(progress.UpdatedTicks, TimeSpan.Zero) : created;
        return new JobStatusView(progress.Status, progress.Attempt, hosts, progress.LastHostname, string.IsNullOrEmpty(error) ? null : error, updated);
    }

    /// <summary>Whether an event of this kind carries an error or a duration worth reading (terminal ones do).</summary>
    public static bool NeedsDetail(string kind) => kind is JobEventKind.Completed or JobEventKind.Failed or JobEventKind.Dlq;
}
