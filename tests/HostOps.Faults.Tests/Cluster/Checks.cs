using Xunit.Sdk;

namespace HostOps.Faults.Tests.Cluster;

/// <summary>Collects every broken guarantee of a scenario, so one run reports all of them, then fails once.</summary>
public sealed class Checks
{
    private const int Shown = 15;
    private readonly List<string> _failures = [];

    public bool Passed => _failures.Count == 0;

    /// <summary>The accepted jobs <see cref="AllCompleted"/> found not completed.</summary>
    public List<Guid> Lost { get; } = [];

    public string? FirstFailure => _failures.Count == 0 ? null : _failures[0].Split('\n')[0];

    public void That(bool holds, Func<string> failure)
    {
        if (!holds)
        {
            _failures.Add(failure());
        }
    }

    /// <summary>Every accepted job is listed as <c>completed</c>; returns the ones that are not (lost).</summary>
    public List<Guid> AllCompleted(IReadOnlyCollection<Guid> accepted, IReadOnlyDictionary<Guid, JobState> jobs, ExecutionRecords records)
    {
        var lost = accepted.Where(id => !jobs.TryGetValue(id, out var job) || job.Status != "completed").ToList();
        Lost.AddRange(lost);
        That(lost.Count == 0, () =>
            $"{lost.Count} of {accepted.Count} accepted jobs did not end completed:\n" + string.Join("\n", lost.Take(Shown).Select(id =>
                $"  {(jobs.TryGetValue(id, out var job) ? job.ToString() : $"{id} missing from GET /job")}; runs: " +
                (records.ByJob[id].Any() ? string.Join("; ", records.ByJob[id]) : "none"))));
        return lost;
    }

    /// <summary>No (job, attempt) ran to its end twice; returns the duplicated ones.</summary>
    public int NoAttemptRanTwice(ExecutionRecords records)
    {
        var duplicates = records.Duplicates();
        That(duplicates.Count == 0, () =>
            $"{duplicates.Count} attempts ran more than once:\n{ExecutionRecords.Describe(duplicates, Shown)}");
        return duplicates.Count;
    }

    /// <summary><c>GET /job/status</c> agrees with a full listing: the total and every status count.</summary>
    public void CountsMatchListing(QueueCounts stats, IReadOnlyCollection<JobState> listed)
    {
        var byStatus = listed.GroupBy(j => j.Status).ToDictionary(g => g.Key, g => g.Count());
        var statuses = byStatus.Keys.Union(stats.ByStatus.Keys);
        var differing = statuses.Where(s => byStatus.GetValueOrDefault(s) != stats.Of(s)).ToList();
        That(stats.Total == listed.Count && differing.Count == 0, () =>
            $"GET /job/status ({stats}) disagrees with the listing (total={listed.Count} " +
            $"{string.Join(' ', byStatus.Select(p => $"{p.Key}={p.Value}"))})");
    }

    public void ThrowIfFailed(Func<string> logs)
    {
        if (_failures.Count > 0)
        {
            throw new XunitException(string.Join("\n\n", _failures) + "\n\nNATS and the last lines of each process:\n" + logs());
        }
    }
}
