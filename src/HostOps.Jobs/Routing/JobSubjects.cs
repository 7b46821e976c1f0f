using HostOps.Contracts.Operations;

namespace HostOps.Jobs.Routing;

/// <summary>
/// The subject grammar of job notifications:
/// <code>
///   &lt;prefix&gt;.{query|modify}.{route}          (prefix: job.stream.subject_prefix, default "jobs")
///   route = _any | _all | host.&lt;host-token&gt; | label.&lt;key&gt;.&lt;value-prefix&gt;
/// </code>
/// The operation type decides query vs modify (see <see cref="OperationTypes.IsModification"/>). A label job is
/// published to the exact prefix the caller named; an agent labelled <c>group: web.dev.east</c> consumes
/// <c>label.group.web</c>, <c>label.group.web.dev</c> and <c>label.group.web.dev.east</c>, one durable consumer each,
/// because nats-server 2.9 allows a single filter subject per consumer.
/// </summary>
public static class JobSubjects
{
    /// <summary>The subject a job with this operation and target is published to.</summary>
    public static string For(string prefix, string operationType, JobTarget target) =>
        $"{prefix}.{(OperationTypes.IsModification(operationType) == true ? "modify" : "query")}.{Route(target)}";

    /// <summary>The route part of a subject, without the kind.</summary>
    public static string Route(JobTarget target) => target.Kind switch
    {
        TargetKind.Any => "_any",
        TargetKind.All => "_all",
        TargetKind.Host => $"host.{HostToken.From(target.Text).ToLowerInvariant()}",
        _ => $"label.{target.LabelKey}.{target.LabelValue}",
    };

    /// <summary>The filter a consumer for this route uses: both kinds.</summary>
    public static string Filter(string prefix, string route) => $"{prefix}.*.{route}";

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
