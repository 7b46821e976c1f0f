namespace HostOps.Contracts.Operations;

/// <summary>Memory in bytes; <c>Free</c> is what is available to new work (MemAvailable).</summary>
public sealed record MemoryInfo(ulong Total, ulong Free, ulong Used);
