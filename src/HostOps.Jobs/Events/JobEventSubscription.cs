using System.Runtime.CompilerServices;
using HostOps.Contracts.Jobs;

namespace HostOps.Jobs.Events;

/// <summary>
/// One open stream: first <see cref="ReplayAsync"/> (changes older than the subscription: from the bucket's stream,
/// then the ring), then the live queue through <see cref="TryRead"/> and <see cref="WaitToReadAsync"/>. Ids only grow:
/// a change at or before the last one read is skipped, so the joins between the three sources give no duplicate, and
/// since the queue was registered before the ring and the stream were read, no gap.
/// </summary>
public sealed class JobEventSubscription : IDisposable
{
    private readonly JobEventSubscriber _subscriber;
    private readonly JobEventStart _start;
    private readonly JobChangeReplay _replay;
    private readonly JobEventFilter _filter;
    private readonly ulong _showAfter;
    private readonly bool _endsWithJob;
    private ulong _last;

    internal JobEventSubscription(
        JobEventSubscriber subscriber, JobEventStart start, JobChangeReplay replay, JobEventFilter filter, ulong showAfter, bool endsWithJob)
    {
        _subscriber = subscriber;
        _start = start;
        _replay = replay;
        _filter = filter;
        _showAfter = showAfter;
        _endsWithJob = endsWithJob;
        _last = start.After;
    }

    /// <summary>A one-job stream whose job has ended (terminal, or deleted) as of the last change read.</summary>
    public bool Ended { get; private set; }

    /// <summary>Cancelled when the client fell too far behind and was dropped.</summary>
    public CancellationToken Dropped => _subscriber.Dropped;

    /// <summary>Changes waiting in this stream's queue (bounded by the feed's client buffer).</summary>
    public int Queued => _subscriber.Queued;

    /// <summary>The changes that happened before the subscription and after its start, oldest first.</summary>
    public async IAsyncEnumerable<JobChangeEvent> ReplayAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_start.ReplayUntil > _start.After)
        {
            await foreach (var change in _replay.ReadAsync(_filter, _start.After, _start.ReplayUntil, cancellationToken))
            {
                if (Accept(change))
                {
                    yield return change;
                }
            }
        }

        foreach (var change in _start.Backlog)
        {
            if (Accept(change))
            {
                yield return change;
            }
        }
    }

    /// <summary>The next live change already queued; false when none is.</summary>
    public bool TryRead(out JobChangeEvent change)
    {
        while (_subscriber.Reader.TryRead(out change!))
        {
            if (Accept(change))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Waits for a live change; false once the stream is closed, <see cref="JobEventsDroppedException"/> when dropped.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _subscriber.Reader.WaitToReadAsync(cancellationToken);

    public void Dispose() => _subscriber.Dispose();

    private bool Accept(JobChangeEvent change)
    {
        if (change.Id <= _last)
        {
            return false;
        }

        _last = change.Id;
        if (_endsWithJob)
        {
            Ended = change.EndsJob;
        }

        return change.Id > _showAfter;
    }
}
