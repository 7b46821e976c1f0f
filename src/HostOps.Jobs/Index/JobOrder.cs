namespace HostOps.Jobs.Index;

/// <summary>Sort key for listings: newest first, ties broken by id so the order is total.</summary>
internal readonly record struct JobOrder(DateTimeOffset Created, Guid Id) : IComparable<JobOrder>
{
    public int CompareTo(JobOrder other)
    {
        var byTime = other.Created.CompareTo(Created);
        return byTime != 0 ? byTime : Id.CompareTo(other.Id);
    }
}
