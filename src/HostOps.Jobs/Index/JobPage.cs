namespace HostOps.Jobs.Index;

/// <summary>One page of the index: how many jobs match in all, the page, and whether more follow it.</summary>
public sealed record JobPage(int Total, IReadOnlyList<IndexedJob> Items, bool HasMore);
