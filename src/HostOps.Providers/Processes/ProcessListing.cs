namespace HostOps.Providers.Processes;

/// <summary>The processes a listing kept (sorted, at most the limit) and how many matched its filters.</summary>
public sealed record ProcessListing(IReadOnlyList<ProcessEntry> Processes, int Total);
