using System.Text.Json;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Store;
using NATS.Client.KeyValueStore;

namespace HostOps.Testing.Jobs;

/// <summary>
/// Fills a job bucket directly, as many finished jobs as asked, far faster than running them: per job a definition
/// (<c>system.hostname.get</c> on <c>_any</c>, one millisecond after the previous) and its <c>completed</c> event from
/// one of a few hosts, written with pipelined puts. For memory measurements of the index and for paging tests.
/// </summary>
public static class StoredJobs
{
    private static readonly string[] Hosts = ["web1", "web2", "web3", "db1", "db2"];

    /// <summary>Writes the jobs; returns the bucket revision of the last write.</summary>
    public static async Task<ulong> WriteAsync(INatsKVStore store, int count, DateTimeOffset firstCreated, int inFlight = 512, CancellationToken cancellationToken = default)
    {
        var operation = new JobOperation(OperationTypes.HostnameGet, JsonDocument.Parse("{}").RootElement);
        var next = -1;
        long last = 0;
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var created = firstCreated.AddMilliseconds(i);
                var id = Guid.CreateVersion7(created);
                var definition = new JobDefinition(id, operation, "_any", "jobs.query._any", created, null);
                var host = Hosts[i % Hosts.Length];
                var completed = new JobEvent(JobEventKind.Completed, 1, created.AddMilliseconds(3), host, null, 2.5);
                await store.PutAsync(JobKeys.Definition(id, JobSubjects.AnyRoute), JsonSerializer.SerializeToUtf8Bytes(definition, HostOpsJsonContext.Default.JobDefinition), cancellationToken: cancellationToken);
                var revision = await store.PutAsync(
                    JobKeys.Claim(id, 1, JobSubjects.AnyRoute, host),
                    JsonSerializer.SerializeToUtf8Bytes(completed, HostOpsJsonContext.Default.JobEvent),
                    cancellationToken: cancellationToken);
                InterlockedMax(ref last, (long)revision);
            }
        }));
        return (ulong)Interlocked.Read(ref last);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref target);
        }
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) != seen);
    }
}
