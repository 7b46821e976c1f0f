namespace HostOps.Contracts.Audit;

/// <summary>
/// One audited request: a change (POST, PUT, DELETE) by an authenticated caller, or a refused request (401, 403,
/// 429). <see cref="Subject"/> and <see cref="Roles"/> come from the bearer token (absent when it was missing or
/// invalid); <see cref="JobId"/> and <see cref="Target"/> are set when the request made or named a job.
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset Time,
    string? Subject,
    IReadOnlyList<string>? Roles,
    string? ClientAddress,
    string Method,
    string Path,
    string? Target,
    Guid? JobId,
    int Code,
    double DurationMs);
