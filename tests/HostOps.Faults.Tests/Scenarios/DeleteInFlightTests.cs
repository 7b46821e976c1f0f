using System.Net;
using HostOps.Faults.Tests.Cluster;
using Xunit;

namespace HostOps.Faults.Tests.Scenarios;

/// <summary>
/// Delete in flight: 200 jobs of 0.3-1.5 s on three agents; 50 of them (up to 15 running, the rest queued) are deleted.
/// Each delete is 204 and a GET right after it 404; once the queue is drained there are no dead letters, no key
/// of a deleted job left in the job bucket (read straight from NATS), and the counts are exactly the
/// 150 kept jobs, all completed.
/// </summary>
[Collection(FaultScenarios.Name)]
public sealed class DeleteInFlightTests
{
    private const int Jobs = 200;
    private const int Deleted = 50;
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Deleting_queued_and_running_jobs_leaves_no_dead_letter_no_orphan_key_and_exact_counts()
    {
        await using var cluster = new FaultCluster();
        await cluster.StartAsync(agents: 3);
        await Scenario.RunAsync("delete in flight", cluster, async (figures, checks) =>
        {
            var submissions = await Load.SubmitAsync(cluster.Api, Jobs, TimeSpan.FromSeconds(2), i => 300 + (i * 37 % 1200));
            var accepted = Load.Accepted(submissions);
            checks.That(accepted.Count == Jobs, () => $"only {accepted.Count} of {Jobs} submissions were accepted ({Load.Answers(submissions)})");

            // Up to 15 running jobs, the rest queued: deleted while the agents hold or are about to fetch them.
            var listed = await cluster.Api.ListAllAsync();
            var doomed = listed.Where(j => j.Status == "processing").Take(15)
                .Concat(listed.Where(j => j.Status == "unprocessed").OrderBy(j => j.Id.GetHashCode()))
                .Take(Deleted).Select(j => j.Id).ToHashSet();
            checks.That(doomed.Count == Deleted, () => $"only {doomed.Count} jobs were still queued or running to delete");
            var deletes = await Task.WhenAll(doomed.Select(DeleteAsync));
            var statusAtDelete = deletes.GroupBy(d => d.StatusBefore).ToDictionary(g => g.Key, g => g.Count());
            var badDeletes = deletes.Where(d => d.Code != HttpStatusCode.NoContent || d.FoundAfter is not null).ToList();
            checks.That(badDeletes.Count == 0, () =>
                $"{badDeletes.Count} deletes did not answer 204 with GET 404 right after:\n" +
                string.Join("\n", badDeletes.Take(15).Select(d => $"  {d.Id}: DELETE {(int)d.Code}, then GET {d.FoundAfter?.ToString() ?? "404"}")));

            var kept = accepted.Where(id => !doomed.Contains(id)).ToList();
            var drained = await JobsSnapshot.WaitForFinalAsync(cluster, kept, Drain);
            var queueEmpty = await Wait.TryUntilAsync(async () => await JobStoreInspector.UnfinishedNotificationsAsync(cluster) == 0, Drain);
            checks.That(queueEmpty is not null, () => "the job stream's consumers still hold unacknowledged or undelivered notifications");

            var snapshot = await JobsSnapshot.ReadAsync(cluster);
            var jobKeys = await JobStoreInspector.KeysAsync(cluster, JobStoreInspector.JobBucket);
            var defined = jobKeys.Where(k => k.StartsWith("jobs.", StringComparison.Ordinal)).Select(JobStoreInspector.JobIdOf).ToHashSet();
            var orphans = jobKeys
                .Where(k => JobStoreInspector.JobIdOf(k) is { } id && (doomed.Contains(id) || !defined.Contains(id)))
                .ToList();
            var deadLetters = await JobStoreInspector.DeadLettersAsync(cluster);

            figures.Add("jobs", Jobs);
            figures.Add("deleted", $"{doomed.Count} ({string.Join(", ", statusAtDelete.Select(p => $"{p.Value} {p.Key}"))} at delete)");
            figures.Add("slowest of the concurrent deletes", $"{deletes.Max(d => d.Took).TotalMilliseconds:0} ms");
            figures.Add("executions", snapshot.Executions);
            figures.Add("executions of deleted jobs", snapshot.Records.All.Count(e => doomed.Contains(e.JobId)));
            figures.Add("kept jobs final after", drained is { } d ? $"{d.TotalSeconds:0.0} s" : $"not within {Drain.TotalSeconds:0} s");
            figures.Add("dead letters", deadLetters);
            figures.Add("orphan keys", orphans.Count);
            figures.Add("lost", checks.AllCompleted(kept, snapshot.ById, snapshot.Records).Count);
            figures.Add("duplicated", checks.NoAttemptRanTwice(snapshot.Records));

            checks.That(deadLetters == 0 && snapshot.Stats.Dlq == 0, () =>
                $"dead letters after deleting: {deadLetters} in {JobStoreInspector.DeadLetterStream}, dlq_count {snapshot.Stats.Dlq}");
            checks.That(orphans.Count == 0, () =>
                $"{orphans.Count} keys left of deleted jobs (or without a definition):\n  {string.Join("\n  ", orphans.Take(20))}");
            var resurrected = snapshot.Listed.Where(j => doomed.Contains(j.Id)).ToList();
            checks.That(resurrected.Count == 0, () => $"{resurrected.Count} deleted jobs are listed again: {string.Join(", ", resurrected.Take(10))}");
            checks.That(snapshot.Stats.Total == kept.Count && snapshot.Stats.Of("completed") == kept.Count, () =>
                $"GET /job/status is {snapshot.Stats}, expected total={kept.Count} completed={kept.Count}");
            checks.CountsMatchListing(snapshot.Stats, snapshot.Listed);

            async Task<DeleteResult> DeleteAsync(Guid id)
            {
                var before = await cluster.Api.GetAsync(id);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var code = await cluster.Api.DeleteAsync(id);
                var took = clock.Elapsed;
                var after = await cluster.Api.GetAsync(id);
                return new DeleteResult(id, before?.Status ?? "missing", code, after?.Status, took);
            }
        });
    }

    private sealed record DeleteResult(Guid Id, string StatusBefore, HttpStatusCode Code, string? FoundAfter, TimeSpan Took);
}
