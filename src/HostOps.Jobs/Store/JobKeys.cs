using System.Globalization;
using HostOps.Contracts.Jobs;
using HostOps.Jobs.Routing;

namespace HostOps.Jobs.Store;

/// <summary>
/// Key layout of the buckets. Job bucket: <c>jobs.&lt;route&gt;.&lt;id&gt;</c> holds the immutable definition (its write is
/// the <c>submitted</c> event), keyed by the route it was sent to (<c>_any</c>, <c>_all</c>, <c>host.&lt;host&gt;</c>,
/// <c>label.&lt;key&gt;.&lt;value&gt;</c>, see <see cref="JobSubjects.Route"/>) so that an agent's NATS permissions let it read
/// only the definitions of the routes it serves; <c>events.&lt;id&gt;.&lt;attempt&gt;.&lt;kind&gt;.&lt;host&gt;</c> holds one
/// event each, so events are append-only and a redelivered handler rewriting the same event is idempotent; a host's
/// answer is stored in its terminal event (<see cref="JobEvent.Response"/>). Registry bucket: <c>agents.&lt;host&gt;</c>. Enrollment bucket:
/// <c>hosts.&lt;host&gt;</c> and <c>joins.&lt;token id&gt;</c>.
/// </summary>
public static class JobKeys
{
    public const string DefinitionPrefix = "jobs.";
    public const string EventPrefix = "events.";
    public const string NoHost = "_";

    /// <summary>The definition of a job sent to <paramref name="route"/> (its route as in <see cref="JobSubjects.Route"/>).</summary>
    public static string Definition(Guid id, string route) => $"{DefinitionPrefix}{route}.{id:D}";

    /// <summary>Every definition of one route: what an agent serving that route may read.</summary>
    public static string DefinitionsOf(string route) => $"{DefinitionPrefix}{route}.*";

    public static string Event(Guid id, int attempt, string kind, string? hostname) =>
        EventKey(id, attempt, kind, hostname is null ? NoHost : HostToken.From(hostname));

    /// <summary>
    /// The key an agent creates (create-only) before it runs an attempt; it holds the <c>started</c> event, and the
    /// attempt's outcome (<c>completed</c>/<c>failed</c>) replaces it in place. It ends in <see cref="ClaimHost"/>.
    /// </summary>
    public static string Claim(Guid id, int attempt, string route, string hostname) =>
        EventKey(id, attempt, JobEventKind.Started, ClaimHost(route, hostname));

    /// <summary>
    /// The last token of an attempt's claim key, which decides who may write it (docs/jobs.md): <c>_</c> for an
    /// <c>_any</c> job, one claim per attempt that any agent may take; the target's host token for a job sent to one
    /// host, so only that host's identity can claim it; the claiming host's own token for a broadcast, one claim per
    /// host and attempt.
    /// </summary>
    public static string ClaimHost(string route, string hostname) =>
        route == JobSubjects.AnyRoute ? NoHost : JobSubjects.HostOfRoute(route) ?? HostToken.From(hostname);

    /// <summary>Where a host's event of this kind is stored: started, completed and failed live at the attempt's claim.</summary>
    public static string EventOf(Guid id, int attempt, string kind, string hostname, string route) =>
        kind is JobEventKind.Started or JobEventKind.Completed or JobEventKind.Failed
            ? Claim(id, attempt, route, hostname)
            : Event(id, attempt, kind, hostname);

    public static string EventsOf(Guid id) => $"{EventPrefix}{id:D}.>";

    public static string EventsOf(Guid id, int attempt) => $"{EventPrefix}{id:D}.{attempt.ToString(CultureInfo.InvariantCulture)}.>";

    public static string Agent(string hostname) => $"agents.{HostToken.From(hostname)}";

    /// <summary>Enrollment bucket: an agent's enrollment.</summary>
    public static string Enrollment(string hostname) => $"{EnrollmentPrefix}{HostToken.From(hostname)}";

    public const string EnrollmentPrefix = "hosts.";

    /// <summary>Enrollment bucket: the mark that a join token (by its <c>jti</c>) has been used.</summary>
    public static string UsedJoin(string tokenId) => $"joins.{HostToken.From(tokenId)}";

    /// <summary>Reads the job id of a definition or event key; false for any other key.</summary>
    public static bool TryParse(string key, out Guid id, out bool isDefinition)
    {
        isDefinition = key.StartsWith(DefinitionPrefix, StringComparison.Ordinal);
        id = Guid.Empty;
        if (isDefinition)
        {
            var dot = key.LastIndexOf('.');
            return dot >= DefinitionPrefix.Length && Guid.TryParse(key.AsSpan(dot + 1), out id);
        }

        if (!key.StartsWith(EventPrefix, StringComparison.Ordinal) || key.Length < EventPrefix.Length + 36)
        {
            return false;
        }

        return Guid.TryParse(key.AsSpan(EventPrefix.Length, 36), out id);
    }

    private static string EventKey(Guid id, int attempt, string kind, string hostToken) =>
        $"{EventPrefix}{id:D}.{attempt.ToString(CultureInfo.InvariantCulture)}.{kind}.{hostToken}";
}
