using System.Globalization;
using HostOps.Jobs.Routing;

namespace HostOps.Jobs.Store;

/// <summary>
/// Key layout of the buckets. Job bucket: <c>jobs.&lt;id&gt;</c> holds the immutable definition (its write is the
/// <c>submitted</c> event); <c>events.&lt;id&gt;.&lt;attempt&gt;.&lt;kind&gt;.&lt;host&gt;</c> holds one event each, so events
/// are append-only and a redelivered handler rewriting the same event is idempotent. Response bucket:
/// <c>&lt;id&gt;.&lt;host&gt;</c>. Registry bucket: <c>agents.&lt;host&gt;</c>. Enrollment bucket: <c>hosts.&lt;host&gt;</c>
/// and <c>joins.&lt;token id&gt;</c>.
/// </summary>
public static class JobKeys
{
    public const string DefinitionPrefix = "jobs.";
    public const string EventPrefix = "events.";
    public const string NoHost = "_";

    public static string Definition(Guid id) => $"{DefinitionPrefix}{id:D}";

    public static string Event(Guid id, int attempt, string kind, string? hostname) =>
        $"{EventPrefix}{id:D}.{attempt.ToString(CultureInfo.InvariantCulture)}.{kind}.{(hostname is null ? NoHost : HostToken.From(hostname))}";

    /// <summary>
    /// The key an agent creates (create-only) before it runs an attempt: one per attempt for a single-target job, so
    /// exactly one agent runs it; one per host and attempt for a broadcast. It holds the <c>started</c> event, and
    /// the attempt's outcome (<c>completed</c>/<c>failed</c>) replaces it in place.
    /// </summary>
    public static string Claim(Guid id, int attempt, string? broadcastHost) => Event(id, attempt, HostOps.Contracts.Jobs.JobEventKind.Started, broadcastHost);

    /// <summary>Where a host's event of this kind is stored: started, completed and failed live at the attempt's claim.</summary>
    public static string EventOf(Guid id, int attempt, string kind, string? hostname, bool broadcast) =>
        kind is HostOps.Contracts.Jobs.JobEventKind.Started or HostOps.Contracts.Jobs.JobEventKind.Completed or HostOps.Contracts.Jobs.JobEventKind.Failed
            ? Claim(id, attempt, broadcast ? hostname : null)
            : Event(id, attempt, kind, hostname);

    public static string EventsOf(Guid id) => $"{EventPrefix}{id:D}.>";

    /// <summary>Filter for every host's response to a job in the response bucket.</summary>
    public static string ResponsesOf(Guid id) => $"{id:D}.>";

    public static string EventsOf(Guid id, int attempt) => $"{EventPrefix}{id:D}.{attempt.ToString(CultureInfo.InvariantCulture)}.>";

    public static string Response(Guid id, string hostname) => $"{id:D}.{HostToken.From(hostname)}";

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
            return Guid.TryParse(key.AsSpan(DefinitionPrefix.Length), out id);
        }

        if (!key.StartsWith(EventPrefix, StringComparison.Ordinal) || key.Length < EventPrefix.Length + 36)
        {
            return false;
        }

        return Guid.TryParse(key.AsSpan(EventPrefix.Length, 36), out id);
    }
}
