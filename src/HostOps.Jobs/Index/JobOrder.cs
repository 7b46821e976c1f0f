namespace HostOps.Jobs.Index;

/// <summary>Sort key for listings: newest first (creation time in UTC ticks), ties broken by id so the order is total.</summary>
internal readonly record struct JobOrder(long CreatedTicks, Guid Id) : IComparable<JobOrder>
{
    public int CompareTo(JobOrder other)
    {
        var byTime = other.CreatedTicks.CompareTo(CreatedTicks);
        return byTime != 0 ? byTime : Id.CompareTo(other.Id);
    }
}
