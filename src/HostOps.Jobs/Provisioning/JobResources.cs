using HostOps.Jobs.Configuration;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Client.KeyValueStore;

namespace HostOps.Jobs.Provisioning;

/// <summary>
/// Creates or updates every stream and bucket the job system owns: <c>JOBS</c>, <c>JOBS-DLQ</c>, the job and
/// response buckets and the agent registry. Idempotent: whoever starts first creates them, a second start changes
/// nothing, a changed limit is applied in place; a change the server cannot make in place (storage kind, for one)
/// fails with a message naming the resource.
/// </summary>
public static class JobResources
{
    public static async Task EnsureAsync(INatsConnection connection, JobOptions options, CancellationToken cancellationToken)
    {
        var js = new NatsJSContext((NatsConnection)connection);
        var kv = new NatsKVContext(js);
        await EnsureStreamAsync(js, new StreamConfig(options.Stream.Name, [$"{options.Stream.SubjectPrefix}.>"])
        {
            Storage = StorageOf(options.Stream.Storage),
            NumReplicas = options.Stream.Replicas,
            MaxAge = options.Stream.MaxAge.Value,
            DuplicateWindow = options.Stream.DuplicateWindow.Value,
        }, cancellationToken);
        await EnsureStreamAsync(js, new StreamConfig(options.Dlq.Name, [$"{options.Dlq.SubjectPrefix}.>"])
        {
            Storage = StorageOf(options.Dlq.Storage),
            NumReplicas = options.Dlq.Replicas,
            MaxAge = options.Dlq.MaxAge.Value,
        }, cancellationToken);
        await EnsureBucketAsync(kv, options.Kv.Bucket, options.Kv.Storage, options.Kv.Replicas, options.Kv.Ttl.Value, cancellationToken);
        await EnsureBucketAsync(kv, options.Kv.ResponseBucket, options.Kv.Storage, options.Kv.Replicas, options.Kv.Ttl.Value, cancellationToken);
        await EnsureBucketAsync(kv, options.Registry.Bucket, options.Registry.Storage, options.Registry.Replicas, options.Registry.Ttl.Value, cancellationToken);
    }

    private static async Task EnsureStreamAsync(NatsJSContext js, StreamConfig config, CancellationToken cancellationToken)
    {
        try
        {
            await js.CreateOrUpdateStreamAsync(config, cancellationToken);
        }
        catch (NatsJSApiException ex)
        {
            throw new ProvisioningException($"stream {config.Name}: cannot create or update it in place: {ex.Error.Description}", ex);
        }
    }

    private static async Task EnsureBucketAsync(
        NatsKVContext kv, string bucket, string storage, int replicas, TimeSpan ttl, CancellationToken cancellationToken)
    {
        try
        {
            await kv.CreateOrUpdateStoreAsync(
                new NatsKVConfig(bucket)
                {
                    Storage = storage == "memory" ? NatsKVStorageType.Memory : NatsKVStorageType.File,
                    NumberOfReplicas = replicas,
                    MaxAge = ttl,
                    History = 1,
                },
                cancellationToken);
        }
        catch (NatsJSApiException ex)
        {
            throw new ProvisioningException($"KV bucket {bucket}: cannot create or update it in place: {ex.Error.Description}", ex);
        }
    }

    private static StreamConfigStorage StorageOf(string storage) =>
        storage == "memory" ? StreamConfigStorage.Memory : StreamConfigStorage.File;
}
