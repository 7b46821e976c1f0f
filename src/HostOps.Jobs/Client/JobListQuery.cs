using HostOps.Jobs.Index;

namespace HostOps.Jobs.Client;

/// <summary>
/// Which jobs <c>GET /job</c> lists: of one status, operation type and target (<c>target_hostname</c> as submitted:
/// <c>_any</c>, <c>_all</c>, a hostname or <c>key:value</c>), each null for any; and which page of them.
/// </summary>
public sealed record JobListQuery(string? Status, int Limit, int Offset = 0, string? Cursor = null, string? Operation = null, string? Target = null)
{
    /// <summary>The test a job must pass beyond its status, or null when the query names no operation or target.</summary>
    internal Func<IndexedJob, bool>? Matches => Operation is null && Target is null
        ? null
        : job => (Operation is null || string.Equals(job.OperationType, Operation, StringComparison.Ordinal))
            && (Target is null || string.Equals(job.Target, Target, StringComparison.Ordinal));
}
