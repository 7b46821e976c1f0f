using HostOps.Jobs.Index;

namespace HostOps.Jobs.Events;

/// <summary>Opens event streams: every job's changes (filtered), or one job's from its creation until it ends.</summary>
public sealed class JobEventStreams(JobEventFeed feed, JobChangeReplay replay)
{
    /// <summary>The changes after <paramref name="lastEventId"/> (null: from now on) that match <paramref name="filter"/>.</summary>
    public JobEventSubscription Open(JobEventFilter filter, ulong? lastEventId)
    {
        var subscriber = feed.Subscribe(filter, lastEventId, out var start);
        return new JobEventSubscription(subscriber, start, replay, filter, start.After, endsWithJob: false);
    }

    /// <summary>
    /// One job's changes after <paramref name="lastEventId"/> (null: all of them, from its <c>submitted</c>); the
    /// subscription is <see cref="JobEventSubscription.Ended"/> once the job's latest change is terminal or its delete.
    /// </summary>
    public JobEventSubscription Open(IndexedJob job, ulong? lastEventId)
    {
        var filter = new JobEventFilter(JobId: job.Id);
        var subscriber = feed.Subscribe(filter, job.Revision - 1, out var start);
        return new JobEventSubscription(subscriber, start, replay, filter, lastEventId ?? 0, endsWithJob: true);
    }
}
