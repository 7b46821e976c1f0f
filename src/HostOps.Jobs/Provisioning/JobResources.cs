using HostOps.Contracts.Text;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Routing;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Client.KeyValueStore;

namespace HostOps.Jobs.Provisioning;

/// <summary>
/// Creates or updates every stream and bucket the job system owns: <c>JOBS</c>, <c>JOBS-DLQ</c>, the job
/// bucket, the agent registry and enrollments, the file store's Object Store bucket, and the shared <c>_any</c> consumer. Idempotent: whoever starts first creates them, a second start changes
/// nothing, a changed limit is applied in place; a change the server cannot make in place (storage kind, for one)
/// fails with a message naming the resource. Every resource has a <c>max_bytes</c>: <c>JOBS</c> and the buckets
/// refuse new messages when full (discard new), so a full stream refuses a submit instead of silently dropping the
/// oldest notification; <c>JOBS-DLQ</c> drops its oldest dead letters instead, so dead-lettering never blocks.
/// </summary>
public static class JobResources
{
    /// <summary>Server error codes for "the limits do not fit": JetStream's storage or memory is reserved by max_bytes.</summary>
    private static readonly int[] InsufficientResources = [10023, 10028, 10047];

    public static async Task EnsureAsync(INatsConnection connection, JobOptions options, CancellationToken cancellationToken)
    {
        var js = new NatsJSContext((NatsConnection)connection);
        var kv = new NatsKVContext(js);
        await EnsureStreamAsync(js, "job.stream.max_bytes", new StreamConfig(options.Stream.Name, [$"{options.Stream.SubjectPrefix}.>"])
        {
            Storage = StorageOf(options.Stream.Storage),
            NumReplicas = options.Stream.Replicas,
            MaxAge = options.Stream.MaxAge.Value,
            DuplicateWindow = options.Stream.DuplicateWindow.Value,
            MaxBytes = options.Stream.MaxBytes.Bytes,
            Discard = StreamConfigDiscard.New,
        }, cancellationToken);
        await EnsureStreamAsync(js, "job.dlq.max_bytes", new StreamConfig(options.Dlq.Name, [$"{options.Dlq.SubjectPrefix}.>"])
        {
            Storage = StorageOf(options.Dlq.Storage),
            NumReplicas = options.Dlq.Replicas,
            MaxAge = options.Dlq.MaxAge.Value,
            MaxBytes = options.Dlq.MaxBytes.Bytes,
            Discard = StreamConfigDiscard.Old,
        }, cancellationToken);
        var kvOptions = options.Kv;
        await EnsureBucketAsync(kv, "job.kv.max_bytes", Bucket(kvOptions.Bucket, kvOptions.Storage, kvOptions.Replicas, kvOptions.Ttl, kvOptions.MaxBytes), cancellationToken);
        var registry = options.Registry;
        await EnsureBucketAsync(kv, "job.registry.max_bytes", Bucket(registry.Bucket, registry.Storage, registry.Replicas, registry.Ttl, registry.MaxBytes), cancellationToken);
        await EnsureBucketAsync(kv, "job.registry.max_bytes", Bucket(registry.EnrollmentBucket, registry.Storage, registry.Replicas, new Duration(TimeSpan.Zero), registry.MaxBytes), cancellationToken);
        await EnsureStreamAsync(js, "job.files.max_bytes", FileStoreStream(options.Files, options.Stream.Replicas), cancellationToken);
        await EnsureSharedConsumerAsync(js, options, cancellationToken);
    }

    /// <summary>
    /// The stream behind the file store's Object Store bucket, as <c>NatsObjContext.CreateObjectStoreAsync</c> makes it
    /// (<c>OBJ_&lt;bucket&gt;</c>, chunks and metadata subjects, rollups, direct gets), created or updated in place so a
    /// changed <c>job.files.max_bytes</c> applies at the next start. Its replicas follow the job stream's unless
    /// <c>job.files.replicas</c> is set.
    /// </summary>
    public static StreamConfig FileStoreStream(JobFilesOptions files, int jobReplicas) =>
        new($"OBJ_{files.Bucket}", [$"$O.{files.Bucket}.C.>", $"$O.{files.Bucket}.M.>"])
        {
            Storage = StorageOf(files.Storage),
            NumReplicas = files.Replicas ?? jobReplicas,
            MaxBytes = files.MaxBytes.Bytes,
            Discard = StreamConfigDiscard.New,
            AllowRollupHdrs = true,
            AllowDirect = true,
            Retention = StreamConfigRetention.Limits,
        };

    // The shared _any consumer is made here, on the API side: agents may not create consumers other than their own.
    // An existing one keeps its settings (an operator may have chosen them), except a delivery limit: one made by an
    // earlier version gives up on a notification after max_deliver + 1 deliveries, which would strand its job.
    private static async Task EnsureSharedConsumerAsync(NatsJSContext js, JobOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var existing = await js.GetConsumerAsync(options.Stream.Name, JobConsumers.SharedName, cancellationToken);
            if (existing.Info.Config.MaxDeliver > 0)
            {
                existing.Info.Config.MaxDeliver = -1;
                await js.UpdateConsumerAsync(options.Stream.Name, existing.Info.Config, cancellationToken);
            }
        }
        catch (NatsJSApiException ex) when (ex.Error.Code == 404)
        {
            try
            {
                await js.CreateConsumerAsync(options.Stream.Name, JobConsumers.ConfigFor(options, "", "_any"), cancellationToken);
            }
            catch (NatsJSApiException created) when (created.Error.ErrCode == 10148 || created.Error.Code == 400)
            {
                // Made by another starting process in the meantime: theirs stands.
            }
        }
    }

    /// <summary>Creates <paramref name="config"/>'s stream or updates it in place; a limit that does not fit names <paramref name="maxBytesKey"/>.</summary>
    public static async Task EnsureStreamAsync(NatsJSContext js, string maxBytesKey, StreamConfig config, CancellationToken cancellationToken)
    {
        try
        {
            await js.CreateOrUpdateStreamAsync(config, cancellationToken);
        }
        catch (NatsJSApiException ex)
        {
            throw Failed($"stream {config.Name}", maxBytesKey, config.MaxBytes, ex);
        }
    }

    private static async Task EnsureBucketAsync(NatsKVContext kv, string maxBytesKey, NatsKVConfig config, CancellationToken cancellationToken)
    {
        try
        {
            await kv.CreateOrUpdateStoreAsync(config, cancellationToken);
        }
        catch (NatsJSApiException ex)
        {
            throw Failed($"KV bucket {config.Bucket}", maxBytesKey, config.MaxBytes, ex);
        }
    }

    private static NatsKVConfig Bucket(string name, string storage, int replicas, Duration ttl, ByteSize maxBytes) => new(name)
    {
        Storage = storage == "memory" ? NatsKVStorageType.Memory : NatsKVStorageType.File,
        NumberOfReplicas = replicas,
        MaxAge = ttl.Value,
        MaxBytes = maxBytes.Bytes,
        History = 1,
    };

    private static ProvisioningException Failed(string resource, string maxBytesKey, long maxBytes, NatsJSApiException ex) =>
        InsufficientResources.Contains(ex.Error.ErrCode)
            ? new ProvisioningException(
                $"{resource}: max_bytes {ByteSizeText.Format(maxBytes)} does not fit in nats-server's JetStream limits ({ex.Error.Description}); " +
                $"lower {maxBytesKey} or give nats-server more JetStream {(ex.Error.ErrCode == 10028 ? "memory" : "storage")}",
                ex)
            : new ProvisioningException($"{resource}: cannot create or update it in place: {ex.Error.Description}", ex);

    private static StreamConfigStorage StorageOf(string storage) =>
        storage == "memory" ? StreamConfigStorage.Memory : StreamConfigStorage.File;
}
