namespace HostOps.Api.Audit;

/// <summary>
/// The filters of <c>GET /audit</c> and <c>/audit/export</c>; every one given must match. <see cref="After"/> is the
/// stream sequence a cursor stands for: reading resumes after it.
/// </summary>
internal sealed record AuditQuery(
    string? Subject, string? PathPrefix, int? Code, DateTimeOffset? Since, DateTimeOffset? Until, int Limit, ulong? After)
{
    public bool Matches(Contracts.Audit.AuditEntry entry) =>
        (Subject is null || string.Equals(entry.Subject, Subject, StringComparison.Ordinal))
        && (PathPrefix is null || entry.Path.StartsWith(PathPrefix, StringComparison.Ordinal))
        && (Code is null || entry.Code == Code)
        && (Since is null || entry.Time >= Since);
}
