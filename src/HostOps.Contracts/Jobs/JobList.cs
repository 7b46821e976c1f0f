using System.Text.Json.Serialization;

namespace HostOps.Contracts.Jobs;

/// <summary>
/// Answer of <c>GET /job</c>: one page of jobs, newest first. <c>Next</c> is the opaque cursor of the following
/// page (pass it as <c>?cursor=</c>); null on the last page.
/// </summary>
public sealed record JobList(
    int TotalItems,
    IReadOnlyList<JobDetail> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Next);
