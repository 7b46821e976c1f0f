namespace HostOps.Jobs.Index;

public sealed partial class JobIndex
{
    /// <summary>
    /// One page of jobs, newest first, optionally of one status: after the position <paramref name="after"/> (a
    /// cursor) when given, then skipping <paramref name="offset"/>. The cost grows with the page and the offset, not
    /// with the number of jobs.
    /// </summary>
    internal JobPage Page(string? status, JobOrder? after, int offset, int limit)
    {
        lock (_gate)
        {
            var set = status is null ? _all : _byStatus[status];
            var from = after is { } position ? set.After(position).Skip(offset) : set.From(offset);
            var items = from.Take(limit + 1).ToList();
            var hasMore = items.Count > limit;
            if (hasMore)
            {
                items.RemoveAt(limit);
            }

            return new JobPage(set.Count, items, hasMore);
        }
    }

    /// <summary>Counts per status and per operation; the cost depends on the number of statuses and operations only.</summary>
    public (int Total, Dictionary<string, int> ByStatus, Dictionary<string, int> ByOperation) Counts()
    {
        lock (_gate)
        {
            return (
                _all.Count,
                _byStatus.ToDictionary(s => s.Key, s => s.Value.Count, StringComparer.Ordinal),
                new Dictionary<string, int>(_operationCounts, StringComparer.Ordinal));
        }
    }

    /// <summary>The number of jobs whose current status is <paramref name="status"/>; exact, without copying anything.</summary>
    public int CountOf(string status)
    {
        lock (_gate)
        {
            return _byStatus[status].Count;
        }
    }

    /// <summary>The jobs whose current status is <paramref name="status"/>, newest first; used for bounded sweeps such as stale detection.</summary>
    public IReadOnlyList<IndexedJob> WithStatus(string status)
    {
        lock (_gate)
        {
            return _byStatus[status].From(0).ToList();
        }
    }
}
