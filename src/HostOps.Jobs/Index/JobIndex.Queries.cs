namespace HostOps.Jobs.Index;

public sealed partial class JobIndex
{
    /// <summary>One page of jobs, newest first, optionally of one status, and how many there are in all.</summary>
    public (int Total, IReadOnlyList<IndexedJob> Page) List(string? status, int limit, int offset)
    {
        lock (_gate)
        {
            var set = status is null ? _all : _byStatus[status];
            var page = set.Skip(offset).Take(limit).Select(o => _jobs[o.Id]).ToList();
            return (set.Count, page);
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

    /// <summary>Ids of jobs whose current status is one of those given; used for bounded sweeps such as stale detection.</summary>
    public IReadOnlyList<IndexedJob> WithStatus(string status)
    {
        lock (_gate)
        {
            return _byStatus[status].Select(o => _jobs[o.Id]).ToList();
        }
    }
}
