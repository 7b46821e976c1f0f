using NATS.Client.Core;
using NATS.Client.KeyValueStore;

namespace HostOps.Jobs.Store;

/// <summary>
/// Reads of a replicated bucket (<c>job.*.replicas</c> above 1) may be answered by any replica (direct get), and a
/// follower may not have applied the newest write yet. A key that must exist (a notification or the job index says
/// it was written) but reads as missing is read again a few times, for up to about 1.5 s, before it counts as gone.
/// On a single server the first answer is final, so that costs nothing there but for keys that really are gone.
/// </summary>
public static class ReplicaLag
{
    private static readonly TimeSpan[] Delays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800)];

    /// <summary>The entry at <paramref name="key"/>, read again while a lagging replica may answer that it is missing.</summary>
    public static async Task<NatsResult<NatsKVEntry<T>>> GetExpectedAsync<T>(
        INatsKVStore store, string key, INatsDeserialize<T>? serializer, CancellationToken cancellationToken)
    {
        var entry = await store.TryGetEntryAsync(key, serializer: serializer, cancellationToken: cancellationToken);
        foreach (var delay in Delays)
        {
            if (entry.Success || entry.Error is not NatsKVKeyNotFoundException)
            {
                break;
            }

            await Task.Delay(delay, cancellationToken);
            entry = await store.TryGetEntryAsync(key, serializer: serializer, cancellationToken: cancellationToken);
        }

        return entry;
    }
}
