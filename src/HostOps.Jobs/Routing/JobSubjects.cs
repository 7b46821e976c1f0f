using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;

namespace HostOps.Jobs.Routing;

/// <summary>
/// The subject grammar of job notifications:
/// <code>
///   &lt;prefix&gt;.{query|modify}.{route}.&lt;job id&gt;   (prefix: job.stream.subject_prefix, default "jobs")
///   route = _any | _all | host.&lt;host-token&gt; | label.&lt;key&gt;.&lt;value-prefix&gt;
/// </code>
/// The job id as the last token gives each job's notification a subject of its own: the API can tell whether a
/// job was ever published (a sweep republishes those that were not) and purge it when the job is deleted.
/// The operation type decides query vs modify (see <see cref="OperationTypes.IsModification"/>). A label job is
/// published to the exact prefix the caller named; an agent labelled <c>group: web.dev.east</c> consumes
/// <c>label.group.web</c>, <c>label.group.web.dev</c> and <c>label.group.web.dev.east</c>, one durable consumer each,
/// because nats-server 2.9 allows a single filter subject per consumer.
/// </summary>
public static class JobSubjects
{
    /// <summary>The route of <c>_any</c> jobs: one shared consumer, any agent.</summary>
    public const string AnyRoute = "_any";

    /// <summary>The route of <c>_all</c> jobs: every agent.</summary>
    public const string AllRoute = "_all";

    private const string HostRoutePrefix = "host.";

    /// <summary>The subject a job with this operation and target is published to.</summary>
    public static string For(string prefix, string operationType, JobTarget target, Guid id) =>
        $"{prefix}.{(OperationTypes.IsModification(operationType) == true ? "modify" : "query")}.{Route(target)}.{id:D}";

    /// <summary>True when a notification subject's route is a broadcast (<c>_all</c> or a label): each agent runs it.</summary>
    public static bool IsBroadcast(string prefix, string subject)
    {
        var route = subject.AsSpan(Math.Min(subject.Length, prefix.Length + 1));
        var dot = route.IndexOf('.');
        route = dot < 0 ? [] : route[(dot + 1)..];
        return route.StartsWith("_all.") || route.StartsWith("label.");
    }

    /// <summary>The route part of a subject, without the kind.</summary>
    public static string Route(JobTarget target) => target.Kind switch
    {
        TargetKind.Any => AnyRoute,
        TargetKind.All => AllRoute,
        TargetKind.Host => $"{HostRoutePrefix}{HostToken.From(target.Text).ToLowerInvariant()}",
        _ => $"label.{target.LabelKey}.{target.LabelValue}",
    };

    /// <summary>The route a stored job was sent to (its definition's target; <c>_any</c> if that no longer parses).</summary>
    public static string RouteOf(JobDefinition definition) => Route(JobTarget.TryParse(definition.TargetHostname, out _) ?? JobTarget.Any);

    /// <summary>The route part of a notification subject <c>&lt;prefix&gt;.&lt;kind&gt;.&lt;route&gt;.&lt;id&gt;</c>; null when it has none.</summary>
    public static string? RouteOf(string prefix, string subject)
    {
        var start = subject.IndexOf('.', Math.Min(subject.Length, prefix.Length + 1));
        var end = subject.LastIndexOf('.');
        return start < 0 || end <= start + 1 ? null : subject[(start + 1)..end];
    }

    /// <summary>The host token a host route (<c>host.&lt;token&gt;</c>) is for; null for any other route.</summary>
    public static string? HostOfRoute(string route) =>
        route.StartsWith(HostRoutePrefix, StringComparison.Ordinal) ? route[HostRoutePrefix.Length..] : null;

    /// <summary>True for the routes every reached agent runs (<c>_all</c>, labels), false for <c>_any</c> and a host.</summary>
    public static bool IsBroadcastRoute(string route) => route != AnyRoute && HostOfRoute(route) is null;

    /// <summary>The filter a consumer for this route uses: both kinds, any job id.</summary>
    public static string Filter(string prefix, string route) => $"{prefix}.*.{route}.*";

    /// <summary>Routes an agent consumes: _any, _all, its host, and every prefix of each label value.</summary>
    public static IReadOnlyList<string> RoutesFor(string hostname, IReadOnlyDictionary<string, string> labels)
    {
        var routes = new List<string> { AnyRoute, AllRoute, $"{HostRoutePrefix}{HostToken.From(hostname).ToLowerInvariant()}" };
        foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            var segments = value.Split('.');
            for (var i = 1; i <= segments.Length; i++)
            {
                routes.Add($"label.{key}.{string.Join('.', segments[..i])}");
            }
        }

        return routes;
    }
}
