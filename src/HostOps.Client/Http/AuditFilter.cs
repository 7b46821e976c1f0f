namespace HostOps.Client.Http;

/// <summary>
/// The filters of <c>GET /audit</c> and <c>GET /audit/export</c>; every one given must match: the token subject,
/// a path prefix (<c>/job</c>), an answer code, and a time range (inclusive).
/// </summary>
public sealed record AuditFilter(
    string? Subject = null, string? PathPrefix = null, int? Code = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null);
