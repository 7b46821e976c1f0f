using HostOps.Contracts.Operations.Logs;

namespace HostOps.Providers.Logs;

/// <summary>Entries read, oldest first; <paramref name="Truncated"/> when older matching ones were left out.</summary>
public sealed record JournalRead(IReadOnlyList<LogEntry> Entries, bool Truncated);
