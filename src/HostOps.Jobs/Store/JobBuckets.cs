using HostOps.Jobs.Configuration;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Client.KeyValueStore;

namespace HostOps.Jobs.Store;

/// <summary>Opens the job system's buckets once and hands out the JetStream context.</summary>
public sealed class JobBuckets
{
    private readonly NatsKVContext _kv;
    private INatsKVStore? _jobs;
    private INatsKVStore? _registry;
    private INatsKVStore? _enrollments;

    public JobBuckets(INatsConnection connection, IOptions<JobOptions> options)
    {
        Connection = connection;
        Options = options.Value;
        JetStream = new NatsJSContext((NatsConnection)connection);
        // Reads go through direct get with the key in the subject ($JS.API.DIRECT.GET.KV_<bucket>.$KV.<bucket>.<key>),
        // so an agent's NATS permissions can say which keys it may read.
        _kv = new NatsKVContext(JetStream, new NatsKVOpts { UseDirectGetApiWithKeysInSubject = true });
    }

    /// <summary>
    /// The idle heartbeat of the bucket watches (job index, agent directory). A watch's consumer lives in the server's
    /// memory, so a restarted nats-server has lost it; the client notices only when two heartbeats are missing and
    /// then re-creates it from the last revision it saw. At 1 s (the client's default is 5 s) a watch is back
    /// about 2 s after a restart instead of 10 s, for one small message a second while idle.
    /// </summary>
    public static readonly TimeSpan WatchHeartbeat = TimeSpan.FromSeconds(1);

    public INatsConnection Connection { get; }

    public INatsJSContext JetStream { get; }

    public JobOptions Options { get; }

    public INatsKVContext KeyValue => _kv;

    // Cached only once opened, so a bucket that was unreachable at first is tried again next time.
    public async ValueTask<INatsKVStore> JobsAsync(CancellationToken cancellationToken = default) =>
        _jobs ??= await _kv.GetStoreAsync(Options.Kv.Bucket, cancellationToken);

    public async ValueTask<INatsKVStore> RegistryAsync(CancellationToken cancellationToken = default) =>
        _registry ??= await _kv.GetStoreAsync(Options.Registry.Bucket, cancellationToken);

    public async ValueTask<INatsKVStore> EnrollmentsAsync(CancellationToken cancellationToken = default) =>
        _enrollments ??= await _kv.GetStoreAsync(Options.Registry.EnrollmentBucket, cancellationToken);

    /// <summary>
    /// Deletes a key of the job bucket as the KV client does (a marker with <c>KV-Operation: DEL</c>) and returns the
    /// marker's revision, which the client's own delete does not give: a caller can wait for the index to apply it.
    /// </summary>
    public async Task<ulong> DeleteJobKeyAsync(string key, CancellationToken cancellationToken)
    {
        var ack = await JetStream.PublishAsync(
            $"$KV.{Options.Kv.Bucket}.{key}",
            Array.Empty<byte>(),
            headers: new NatsHeaders { ["KV-Operation"] = "DEL" },
            cancellationToken: cancellationToken);
        ack.EnsureSuccess();
        return ack.Seq;
    }

    /// <summary>
    /// Removes every key of a bucket under <paramref name="filter"/> in one request and leaves no delete markers, so
    /// no watch hears of it: for keys whose readers already know they are gone.
    /// </summary>
    public async Task PurgeKeysAsync(string bucket, string filter, CancellationToken cancellationToken) =>
        await JetStream.PurgeStreamAsync($"KV_{bucket}", new StreamPurgeRequest { Filter = $"$KV.{bucket}.{filter}" }, cancellationToken);
}
