using System.Text.Json.Serialization;

namespace HostOps.Contracts.Audit;

/// <summary>
/// Answer of <c>GET /audit</c>: entries oldest first. <c>Next</c> is the opaque cursor of the following page (pass it
/// as <c>?cursor=</c>); null when the log held nothing more when this page was read.
/// </summary>
public sealed record AuditPage(
    IReadOnlyList<AuditEntry> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Next);
