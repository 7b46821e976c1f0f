namespace HostOps.Contracts.Operations;

/// <summary>Answer of every node operation endpoint: one item per host that answered.</summary>
public sealed record NodeResults<T>(IReadOnlyList<T> Results);
