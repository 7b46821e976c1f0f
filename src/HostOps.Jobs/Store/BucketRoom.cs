using NATS.Client.JetStream;

namespace HostOps.Jobs.Store;

/// <summary>
/// Refuses a write that a bucket has no room for before nats-server would make room by dropping its oldest records.
/// nats-server 2.9 checks a discard-new bucket's <c>max_bytes</c> against the value and headers alone, while it
/// stores the key and a record frame besides; a write that passes the check but not the limit is stored and the
/// bucket's oldest records (stored jobs) are dropped to fit it. So the writer checks the room itself, keeping a
/// reserve for the events of jobs already stored.
/// </summary>
/// <remarks>
/// The bucket's size is asked for at most once a second while it is far from its limit (the writes of this
/// process are counted in between), and before every write once it is near.
/// </remarks>
public sealed class BucketRoom(INatsJSContext js, string stream, string resource, string key, string frees, TimeProvider time)
{
    /// <summary>What the file store adds to a record besides its key, value and headers (frame and hash).</summary>
    public const int RecordFrame = 30;

    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private long _limit;
    private long _used;
    private long _checkedAt = long.MinValue;

    /// <summary>Room kept for the events of stored jobs: a hundredth of the limit, at least 1 KiB.</summary>
    public static long ReserveOf(long limit) => Math.Max(1024, limit / 100);

    /// <summary>How far from its limit a bucket must be for this process's own count to do instead of asking.</summary>
    public static long NearOf(long limit) => Math.Max(1024 * 1024, limit / 20);

    /// <summary>The bytes the server stores for a record.</summary>
    public static long RecordBytes(string subject, int valueBytes) => RecordFrame + subject.Length + valueBytes;

    /// <summary>Takes room for one record of <paramref name="recordBytes"/>, or throws <see cref="JobStoreFullException"/>.</summary>
    public async ValueTask TakeAsync(long recordBytes, CancellationToken cancellationToken)
    {
        if (TryTakeCounted(recordBytes))
        {
            return;
        }

        var info = (await js.GetStreamAsync(stream, cancellationToken: cancellationToken)).Info;
        lock (_gate)
        {
            _limit = info.Config.MaxBytes;
            _used = (long)info.State.Bytes;
            _checkedAt = time.GetTimestamp();
            if (_limit > 0 && _used + recordBytes + ReserveOf(_limit) > _limit)
            {
                throw new JobStoreFullException(resource, _limit, key, frees);
            }

            _used += recordBytes;
        }
    }

    private bool TryTakeCounted(long recordBytes)
    {
        lock (_gate)
        {
            if (_checkedAt == long.MinValue || time.GetElapsedTime(_checkedAt) > Fresh)
            {
                return false;
            }

            if (_limit > 0 && _limit - _used - recordBytes < NearOf(_limit))
            {
                return false;
            }

            _used += recordBytes;
            return true;
        }
    }
}
