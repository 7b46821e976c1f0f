namespace HostOps.Faults.Tests.Cluster;

/// <summary>What the API and the record files say at one moment: the full listing, the counts and every run.</summary>
public sealed record JobsSnapshot(List<JobState> Listed, Dictionary<Guid, JobState> ById, QueueCounts Stats, ExecutionRecords Records)
{
    private static readonly HashSet<string> Terminal = ["completed", "failed", "partial_failure", "dlq"];

    public static async Task<JobsSnapshot> ReadAsync(FaultCluster cluster)
    {
        var listed = await cluster.Api.ListAllAsync();
        var stats = await cluster.Api.StatsAsync();
        return new JobsSnapshot(listed, listed.ToDictionary(j => j.Id), stats, ExecutionRecords.Read(cluster.RecordDirectory));
    }

    /// <summary>
    /// Waits until every one of <paramref name="ids"/> is listed with a final status; the time it took, or null when
    /// <paramref name="timeout"/> passed first (the caller's checks then say which jobs are stuck).
    /// </summary>
    public static Task<TimeSpan?> WaitForFinalAsync(FaultCluster cluster, IReadOnlyCollection<Guid> ids, TimeSpan timeout) =>
        Wait.TryUntilAsync(
            async () =>
            {
                var listed = (await cluster.Api.ListAllAsync()).ToDictionary(j => j.Id, j => j.Status);
                return ids.All(id => listed.TryGetValue(id, out var status) && Terminal.Contains(status));
            },
            timeout);

    public int Executions => Records.All.Count;
}
