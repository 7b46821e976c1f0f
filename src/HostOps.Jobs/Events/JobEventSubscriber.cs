using System.Threading.Channels;
using HostOps.Contracts.Jobs;

namespace HostOps.Jobs.Events;

/// <summary>
/// One stream's place in the <see cref="JobEventFeed"/>: a bounded queue of the changes its filter matches. When the
/// queue is full the subscriber is dropped: removed from the feed, its queue completed with
/// <see cref="JobEventsDroppedException"/>, and <see cref="Dropped"/> cancelled so a write stuck on the client aborts.
/// </summary>
public sealed class JobEventSubscriber : IDisposable
{
    private readonly JobEventFeed _feed;
    private readonly JobEventFilter _filter;
    private readonly Channel<JobChangeEvent> _queue;
    private readonly CancellationTokenSource _dropped = new();

    internal JobEventSubscriber(JobEventFeed feed, JobEventFilter filter, int capacity)
    {
        _feed = feed;
        _filter = filter;
        _queue = Channel.CreateBounded<JobChangeEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });
    }

    public ChannelReader<JobChangeEvent> Reader => _queue.Reader;

    /// <summary>Cancelled when the subscriber is dropped for falling behind.</summary>
    public CancellationToken Dropped => _dropped.Token;

    public bool IsDropped { get; private set; }

    /// <summary>Changes waiting for the client; never more than <see cref="JobEventFeed.ClientBuffer"/>.</summary>
    public int Queued => _queue.Reader.Count;

    internal void Offer(JobChangeEvent change)
    {
        if (IsDropped || !_filter.Matches(change) || _queue.Writer.TryWrite(change))
        {
            return;
        }

        IsDropped = true;
        _feed.Remove(this);
        _queue.Writer.TryComplete(new JobEventsDroppedException(_feed.ClientBuffer));
        _ = _dropped.CancelAsync();
    }

    public void Dispose()
    {
        _feed.Remove(this);
        _queue.Writer.TryComplete();
    }
}

/// <summary>A stream's client fell <see cref="JobEventFeedOptions.ClientBuffer"/> changes behind and was dropped.</summary>
public sealed class JobEventsDroppedException(int buffer)
    : Exception($"the client fell {buffer} events behind and was dropped; reconnect with Last-Event-ID to resume");
