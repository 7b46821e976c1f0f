using HostOps.Contracts.Jobs;
using HostOps.Jobs.Store;
using NATS.Client.KeyValueStore;

namespace HostOps.Agent.Consuming;

/// <summary>
/// An agent's hold on one attempt of a job: the create-only <c>started</c> key (see <see cref="JobKeys.Claim"/>)
/// written before the operation runs, so an attempt runs at most once — on one host for a single-target job, once
/// per host for a broadcast. A host job's claim ends in the target's host token, so no other agent's identity can
/// take (or forge) it. The outcome replaces the claim with a compare-and-set on its revision, which fails
/// when the job was deleted meanwhile.
/// </summary>
internal sealed class AttemptClaim
{
    private readonly INatsKVStore _store;

    private AttemptClaim(INatsKVStore store, string key, ulong revision)
    {
        _store = store;
        Key = key;
        Revision = revision;
    }

    public string Key { get; }

    public ulong Revision { get; }

    /// <summary>
    /// Takes the attempt, or returns null when someone already holds it (an earlier delivery, here or elsewhere).
    /// A create whose answer was lost (timeout, reconnect) is retried; finding our own value then means we hold it.
    /// </summary>
    public static async Task<AttemptClaim?> TryTakeAsync(INatsKVStore store, string key, JobEvent started, CancellationToken cancellationToken)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                var created = await store.TryCreateAsync(key, started, JobSerializers.Event, cancellationToken);
                if (created.Success)
                {
                    return new AttemptClaim(store, key, created.Value);
                }

                var held = await store.TryGetEntryAsync(key, serializer: JobSerializers.Event, cancellationToken: cancellationToken);
                if (!held.Success)
                {
                    // Neither created nor there (a full bucket answers so): not ours to skip; leave it for redelivery.
                    throw new InvalidOperationException($"could not create the claim {key}: {created.Error.Message}");
                }

                return held.Value.Value == started ? new AttemptClaim(store, key, held.Value.Revision) : null;
            }
            catch (Exception ex) when (tries < 3 && ex is not OperationCanceledException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * tries), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Replaces the claim with the attempt's outcome; false when the claim is gone (the job was deleted). A write
    /// retried after its answer was lost finds the outcome already there: that counts as done.
    /// </summary>
    public async Task<bool> CompleteAsync(JobEvent outcome, CancellationToken cancellationToken)
    {
        var updated = await _store.TryUpdateAsync(Key, outcome, Revision, JobSerializers.Event, cancellationToken);
        if (updated.Success)
        {
            return true;
        }

        // Compared by what identifies the write (a response's JSON does not compare equal once read back).
        var held = await _store.TryGetEntryAsync(Key, serializer: JobSerializers.Event, cancellationToken: cancellationToken);
        return held.Success && held.Value.Value is { } stored
            && (stored.Kind, stored.Attempt, stored.Timestamp, stored.Hostname) == (outcome.Kind, outcome.Attempt, outcome.Timestamp, outcome.Hostname);
    }

    /// <summary>Gives the attempt back unrun (or, after a transient failure, for another delivery to run).</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken) =>
        await _store.TryDeleteAsync(Key, new NatsKVDeleteOpts { Revision = Revision }, cancellationToken);
}
