using HostOps.Contracts.Jobs;
using Microsoft.Extensions.Options;

namespace HostOps.Jobs.Events;

/// <summary>
/// The fan-out of job changes to event streams. The <see cref="Index.JobIndex"/> publishes every change it folds in
/// from its one watch of the job bucket, in bucket order; the feed keeps the latest <see cref="JobEventFeedOptions.ReplayBuffer"/>
/// of them in a ring (so a client resuming with <c>Last-Event-ID</c> is served from memory) and offers each to every
/// subscriber's bounded queue. A subscriber whose queue is full is dropped at once: a slow client costs at most its
/// queue, never an unbounded buffer, and never slows the index or the other clients.
/// </summary>
public sealed class JobEventFeed
{
    private readonly Lock _gate = new();
    private readonly JobChangeEvent?[] _ring;
    private readonly int _clientBuffer;
    private int _next;
    private int _count;
    private ulong _coveredAfter;
    private ulong _latest;
    private JobEventSubscriber[] _subscribers = [];

    public JobEventFeed(IOptions<JobEventFeedOptions> options)
    {
        _ring = new JobChangeEvent?[Math.Max(1, options.Value.ReplayBuffer)];
        _clientBuffer = Math.Max(1, options.Value.ClientBuffer);
    }

    /// <summary>Streams open now.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>How many changes may wait for one client before it is dropped.</summary>
    public int ClientBuffer => _clientBuffer;

    /// <summary>Adds a change; called by the index's watch loop, one change at a time and in bucket order.</summary>
    public void Publish(JobChangeEvent change)
    {
        JobEventSubscriber[] subscribers;
        lock (_gate)
        {
            if (_count == _ring.Length)
            {
                _coveredAfter = _ring[_next]!.Id;
            }
            else
            {
                _count++;
            }

            _ring[_next] = change;
            _next = (_next + 1) % _ring.Length;
            _latest = change.Id;
            subscribers = _subscribers;
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Offer(change);
        }
    }

    /// <summary>
    /// Registers a subscriber for the changes after <paramref name="after"/> (null: from now on). The start says where
    /// that is, which matching changes the ring still holds after it (the backlog), and, when the ring does not reach
    /// back that far, up to which id the changes must be read from the bucket's stream instead. Every later change
    /// reaches the subscriber's queue.
    /// </summary>
    public JobEventSubscriber Subscribe(JobEventFilter filter, ulong? after, out JobEventStart start)
    {
        var subscriber = new JobEventSubscriber(this, filter, _clientBuffer);
        lock (_gate)
        {
            var from = after ?? _latest;
            var replayUntil = Math.Max(from, _coveredAfter);
            var backlog = new List<JobChangeEvent>();
            for (var i = 0; i < _count; i++)
            {
                var change = _ring[(_next - _count + i + _ring.Length) % _ring.Length]!;
                if (change.Id > replayUntil && filter.Matches(change))
                {
                    backlog.Add(change);
                }
            }

            start = new JobEventStart(from, replayUntil, backlog);
            _subscribers = [.. _subscribers, subscriber];
        }

        return subscriber;
    }

    internal void Remove(JobEventSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers = Array.FindAll(_subscribers, s => !ReferenceEquals(s, subscriber));
        }
    }
}

/// <summary>
/// Where a subscription starts: after <paramref name="After"/>; the changes up to <paramref name="ReplayUntil"/> (when
/// greater) are older than the ring and read from the bucket's stream; then <paramref name="Backlog"/>, then the queue.
/// </summary>
public sealed record JobEventStart(ulong After, ulong ReplayUntil, IReadOnlyList<JobChangeEvent> Backlog);
