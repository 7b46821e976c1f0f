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
        TargetKind.Any => "_any",
        TargetKind.All => "_all",
        TargetKind.Host => $"host.{HostToken.From(target.Text).ToLowerInvariant()}",
        _ => $"label.{target.LabelKey}.{target.LabelValue}",
    };

    /// <summary>The filter a consumer for this route uses: both kinds, any job id.</summary>
    public static string Filter(string prefix, string route) => $"{prefix}.*.{route}.*";

    /// <summary>Routes an agent consumes: _any, _all, its host, and every prefix of each label value.</summary>
    public static IReadOnlyList<string> RoutesFor(string hostname, IReadOnlyDictionary<string, string> labels)
    {
        var routes = new List<string> { "_any", "_all", $"host.{HostToken.From(hostname).ToLowerInvariant()}" };
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
