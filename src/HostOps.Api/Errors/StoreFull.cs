using HostOps.Jobs.Store;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;

namespace HostOps.Api.Errors;

/// <summary>
/// Names the stream or bucket that refused a write because it reached its <c>max_bytes</c>. The server's error
/// ("maximum bytes exceeded") does not say which one, so the job system's streams are asked for their limit and
/// size on this rare path, and the fullest is named, with the limit the server holds and the key that raises it.
/// </summary>
internal static class StoreFull
{
    public const string Unknown = "a job stream or bucket is full (maximum bytes exceeded); raise its job.*.max_bytes";

    /// <summary>JetStream's "maximum bytes exceeded" (and its siblings for messages), a store failure with code 10077.</summary>
    private const int StoreFailed = 10077;

    /// <summary>How close to its limit an ambiguous failure's stream must be to be blamed: the largest request body and some headers.</summary>
    private const long AmbiguousMargin = (64 + 1) * 1024;

    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// True for the server's "maximum bytes exceeded", and for the "key not found" NATS.Net reports when a KV
    /// create-only write is refused for another reason than an existing key (it then reads the key, finds nothing,
    /// and reports that instead of the refusal).
    /// </summary>
    public static bool Suspected(Exception? exception) => exception switch
    {
        NatsJSApiException { Error: var error } => error.ErrCode == StoreFailed || error.Description?.Contains("maximum bytes", StringComparison.OrdinalIgnoreCase) == true,
        NatsKVKeyNotFoundException => true,
        _ => false,
    };

    /// <summary>
    /// The details naming the full resource, or null when none looks full (an <paramref name="ambiguous"/> failure
    /// is only blamed on a resource within <see cref="AmbiguousMargin"/> of its limit) or NATS cannot say.
    /// </summary>
    public static async Task<string?> DescribeAsync(JobBuckets buckets, bool ambiguous, CancellationToken cancellationToken)
    {
        var options = buckets.Options;
        (string Label, string Stream, string Key, string Frees)[] resources =
        [
            ($"stream {options.Stream.Name}", options.Stream.Name, "job.stream.max_bytes", "older jobs age out or are deleted"),
            ($"KV bucket {options.Kv.Bucket}", $"KV_{options.Kv.Bucket}", "job.kv.max_bytes", "older jobs age out or are deleted"),
            ($"KV bucket {options.Registry.Bucket}", $"KV_{options.Registry.Bucket}", "job.registry.max_bytes", "agents stop"),
        ];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(LookupTimeout);
        string? fullest = null;
        var highest = -1.0;
        foreach (var (label, stream, key, frees) in resources)
        {
            var (limit, used) = await SizeAsync(buckets.JetStream, stream, timeout.Token);
            if (limit <= 0 || (ambiguous && limit - used > AmbiguousMargin) || (double)used / limit <= highest)
            {
                continue;
            }

            highest = (double)used / limit;
            fullest = JobStoreFullException.Describe(label, limit, key, frees);
        }

        return fullest;
    }

    private static async Task<(long Limit, long Used)> SizeAsync(INatsJSContext js, string stream, CancellationToken cancellationToken)
    {
        try
        {
            var info = (await js.GetStreamAsync(stream, cancellationToken: cancellationToken)).Info;
            return (info.Config.MaxBytes, (long)info.State.Bytes);
        }
        catch (Exception e) when (e is NatsException or OperationCanceledException)
        {
            return (0, 0);
        }
    }
}
