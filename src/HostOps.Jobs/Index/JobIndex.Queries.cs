namespace HostOps.Jobs.Index;

public sealed partial class JobIndex
{
    /// <summary>
    /// One page of jobs, newest first, optionally of one status and only those <paramref name="match"/> takes: after
    /// the position <paramref name="after"/> (a cursor) when given, then skipping <paramref name="offset"/> matches.
    /// Without <paramref name="match"/> the cost grows with the page and the offset, not with the number of jobs; with
    /// it, the status's jobs are walked until the page is full, and once more to count the matches.
    /// </summary>
    internal JobPage Page(string? status, JobOrder? after, int offset, int limit, Func<IndexedJob, bool>? match = null)
    {
        lock (_gate)
        {
            var set = status is null ? _all : _byStatus[status];
            var from = after is { } position ? set.After(position) : set.From(0);
            if (match is null)
            {
                from = after is null ? set.From(offset) : from.Skip(offset);
            }
            else
            {
                from = from.Where(match).Skip(offset);
            }

            var items = from.Take(limit + 1).ToList();
            var hasMore = items.Count > limit;
            if (hasMore)
            {
                items.RemoveAt(limit);
            }

            return new JobPage(match is null ? set.Count : set.From(0).Count(match), items, hasMore);
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
