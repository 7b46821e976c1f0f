namespace HostOps.Api.Audit;

/// <summary>What an endpoint tells the audit log about its request beyond what the request itself shows: the job it made.</summary>
internal static class AuditFacts
{
    private const string JobKey = "hostops.audit.job";
    private const string TargetKey = "hostops.audit.target";

    public static void Job(HttpContext? context, Guid id, string? target)
    {
        if (context is null)
        {
            return;
        }

        context.Items[JobKey] = id;
        context.Items[TargetKey] = target;
    }

    public static Guid? JobOf(HttpContext context) =>
        context.Items.TryGetValue(JobKey, out var id) && id is Guid job
            ? job
            : context.Request.Path.StartsWithSegments("/job") && context.Request.RouteValues.TryGetValue("id", out var route) && Guid.TryParse(route as string, out var named)
                ? named
                : null;

    public static string? TargetOf(HttpContext context) =>
        context.Items.TryGetValue(TargetKey, out var target) && target is string named
            ? named
            : context.Request.Query["target_hostname"] is { Count: > 0 } query ? query[0] : null;
}
