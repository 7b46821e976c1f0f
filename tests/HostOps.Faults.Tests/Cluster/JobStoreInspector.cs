using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;

namespace HostOps.Faults.Tests.Cluster;

/// <summary>
/// Reads the job system's streams and buckets straight from NATS (default names), to see what the API does not
/// show: keys left behind, dead letters, notifications not yet acknowledged.
/// </summary>
public static class JobStoreInspector
{
    public const string JobBucket = "job-queue";
    public const string JobStream = "JOBS";
    public const string DeadLetterStream = "JOBS-DLQ";

    /// <summary>Every live key of a bucket.</summary>
    public static async Task<List<string>> KeysAsync(FaultCluster cluster, string bucket)
    {
        await using var nats = Connect(cluster);
        var store = await new NatsKVContext(new NatsJSContext(nats)).GetStoreAsync(bucket);
        var keys = new List<string>();
        await foreach (var key in store.GetKeysAsync())
        {
            keys.Add(key);
        }

        return keys;
    }

    /// <summary>True when JetStream answers (the job stream's info), false on any NATS error.</summary>
    public static async Task<bool> AnswersAsync(FaultCluster cluster)
    {
        try
        {
            await using var nats = Connect(cluster);
            await new NatsJSContext(nats).GetStreamAsync(JobStream);
            return true;
        }
        catch (NatsException)
        {
            return false;
        }
    }

    /// <summary>The keys each job has in the job bucket, one line per job.</summary>
    public static async Task<string> KeysOfAsync(FaultCluster cluster, IEnumerable<Guid> ids)
    {
        try
        {
            await using var nats = Connect(cluster);
            var kv = new NatsKVContext(new NatsJSContext(nats));
            var jobs = await kv.GetStoreAsync(JobBucket);
            var lines = new List<string>();
            foreach (var id in ids)
            {
                var keys = new List<string>();
                foreach (var filter in new[] { $"jobs.*.{id}", $"jobs.host.*.{id}", $"events.{id}.>" })
                {
                    // nats-server 2.9: one filter subject per watch.
                    await foreach (var key in jobs.GetKeysAsync([filter]))
                    {
                        keys.Add(key.StartsWith("events.", StringComparison.Ordinal) ? $"{key} = {await KindAtAsync(jobs, key)}" : key);
                    }
                }

                lines.Add($"  {id}: {(keys.Count == 0 ? "no keys" : string.Join(", ", keys))}");
            }

            return string.Join("\n", lines);
        }
        catch (NatsException e)
        {
            return $"  keys unavailable: {e.Message}";
        }
    }

    // What the bucket holds at an event key (a claim holds started until its outcome replaces it): the index's view
    // of a lost job can then be told apart from the stored one.
    private static async Task<string> KindAtAsync(INatsKVStore jobs, string key)
    {
        var entry = await jobs.TryGetEntryAsync<byte[]>(key);
        if (!entry.Success || entry.Value.Value is not { } bytes)
        {
            return "unreadable";
        }

        using var json = System.Text.Json.JsonDocument.Parse(bytes);
        return json.RootElement.TryGetProperty("kind", out var kind) ? $"{kind.GetString()} (revision {entry.Value.Revision})" : "no kind";
    }

    /// <summary>Messages in the dead-letter stream.</summary>
    public static async Task<long> DeadLettersAsync(FaultCluster cluster)
    {
        await using var nats = Connect(cluster);
        var stream = await new NatsJSContext(nats).GetStreamAsync(DeadLetterStream);
        return stream.Info.State.Messages;
    }

    /// <summary>Notifications some consumer of the job stream has not delivered yet or not had acknowledged, summed.</summary>
    public static async Task<long> UnfinishedNotificationsAsync(FaultCluster cluster)
    {
        await using var nats = Connect(cluster);
        long total = 0;
        await foreach (var consumer in new NatsJSContext(nats).ListConsumersAsync(JobStream))
        {
            total += (long)consumer.Info.NumPending + consumer.Info.NumAckPending;
        }

        return total;
    }

    /// <summary>One line on the job stream and each of its consumers, for failure messages.</summary>
    public static async Task<string> DescribeAsync(FaultCluster cluster)
    {
        try
        {
            await using var nats = Connect(cluster);
            var js = new NatsJSContext(nats);
            var stream = await js.GetStreamAsync(JobStream);
            var lines = new List<string> { $"stream {JobStream}: {stream.Info.State.Messages} messages, last seq {stream.Info.State.LastSeq}" };
            await foreach (var consumer in js.ListConsumersAsync(JobStream))
            {
                var i = consumer.Info;
                lines.Add($"  consumer {i.Name} ({string.Join(",", i.Config.FilterSubjects ?? [i.Config.FilterSubject ?? ""])}): " +
                    $"pending {i.NumPending}, ack pending {i.NumAckPending}, waiting pulls {i.NumWaiting}, redelivered {i.NumRedelivered}, " +
                    $"delivered seq {i.Delivered.StreamSeq}, ack floor {i.AckFloor.StreamSeq}");
            }

            return string.Join("\n", lines);
        }
        catch (NatsException e)
        {
            return $"NATS state unavailable: {e.Message}";
        }
    }

    /// <summary>The job id a key of the job bucket belongs to (<c>jobs.ROUTE.ID</c>, <c>events.ID.…</c>).</summary>
    public static Guid? JobIdOf(string key)
    {
        var parts = key.Split('.');
        var candidate = parts switch
        {
            ["jobs", .., var id] => id,
            ["events", var id, ..] => id,
            _ => null,
        };
        return Guid.TryParse(candidate, out var guid) ? guid : null;
    }

    // As the control plane: the managed server admits no anonymous client.
    private static NatsConnection Connect(FaultCluster cluster) => new(new NatsOpts
    {
        Url = cluster.NatsUrl,
        Name = "hostops-fault-suite",
        AuthOpts = HostOps.Nats.Auth.NkeySeedFile.Load(cluster.ApiSeedPath).AuthOpts,
    });
}
