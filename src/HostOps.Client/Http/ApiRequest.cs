using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;

namespace HostOps.Client.Http;

/// <summary>
/// One call of the REST API (api.md): method, path with query, body. Typed client methods and the CLI's raw
/// <c>--json</c> path both go through these, so the two can never ask for different things.
/// </summary>
/// <param name="AnswersWithBodyWhenUnavailable">Health endpoints answer 503 with their normal body, not an error body.</param>
public sealed record ApiRequest(HttpMethod Method, string Path, HttpContent? Content = null, bool AnswersWithBodyWhenUnavailable = false)
{
    public static ApiRequest Health() => new(HttpMethod.Get, "health");

    public static ApiRequest Ready() => new(HttpMethod.Get, "health/ready", AnswersWithBodyWhenUnavailable: true);

    public static ApiRequest HealthStatus() => new(HttpMethod.Get, "health/status", AnswersWithBodyWhenUnavailable: true);

    public static ApiRequest SubmitJob(SubmitJobRequest request) =>
        new(HttpMethod.Post, "job", JsonContent.Create(request, HostOpsJsonContext.Default.SubmitJobRequest));

    /// <param name="cursor">The <c>next</c> of the previous page, to continue right after it.</param>
    public static ApiRequest ListJobs(string? status = null, int? limit = null, int? offset = null, string? cursor = null, string? operation = null, string? target = null) =>
        new(HttpMethod.Get, "job" + Query(("status", status), ("operation", operation), ("target_hostname", target), ("limit", Number(limit)), ("offset", Number(offset)), ("cursor", cursor)));

    /// <summary><c>GET /audit</c>: one page of audited requests, oldest first.</summary>
    public static ApiRequest ListAudit(AuditFilter? filter = null, int? limit = null, string? cursor = null) =>
        new(HttpMethod.Get, "audit" + Query([.. AuditQuery(filter ?? new AuditFilter()), ("limit", Number(limit)), ("cursor", cursor)]));

    /// <summary><c>GET /audit/export</c>: every matching entry as NDJSON.</summary>
    public static ApiRequest ExportAudit(AuditFilter? filter = null) =>
        new(HttpMethod.Get, "audit/export" + Query(AuditQuery(filter ?? new AuditFilter())));

    public static ApiRequest GetJob(Guid id) => new(HttpMethod.Get, $"job/{id}");

    /// <summary><c>GET /job/events</c>: a stream of every job change matching the filters (read it with <c>HostOpsApiClient.WatchJobEventsAsync</c>).</summary>
    public static ApiRequest JobEvents(string? status = null, string? operation = null, string? targetHostname = null) =>
        new(HttpMethod.Get, "job/events" + Query(("status", status), ("operation", operation), ("target_hostname", targetHostname)));

    /// <summary><c>GET /job/{id}/events</c>: one job's changes until it ends.</summary>
    public static ApiRequest JobEventsOf(Guid id) => new(HttpMethod.Get, $"job/{id}/events");

    public static ApiRequest DeleteJob(Guid id) => new(HttpMethod.Delete, $"job/{id}");

    public static ApiRequest RetryJob(Guid id) => new(HttpMethod.Post, $"job/{id}/retry");

    public static ApiRequest QueueStatus() => new(HttpMethod.Get, "job/status");

    public static ApiRequest Workers() => new(HttpMethod.Get, "job/workers");

    public static ApiRequest Agents() => new(HttpMethod.Get, "agent");

    public static ApiRequest PendingAgents() => new(HttpMethod.Get, "agent/pending");

    public static ApiRequest GetAgent(string hostname) => new(HttpMethod.Get, $"agent/{Uri.EscapeDataString(hostname)}");

    /// <summary><c>accept</c>, <c>reject</c>, <c>drain</c> or <c>undrain</c> an enrolled agent.</summary>
    public static ApiRequest DecideAgent(string hostname, string decision) => new(HttpMethod.Post, $"agent/{Uri.EscapeDataString(hostname)}/{decision}");

    public static ApiRequest RemoveAgent(string hostname) => new(HttpMethod.Delete, $"agent/{Uri.EscapeDataString(hostname)}");

    public static ApiRequest Hostname(string? target = null) => new(HttpMethod.Get, "system/hostname" + Target(target));

    public static ApiRequest SystemStatus(string? target = null) => new(HttpMethod.Get, "system/status" + Target(target));

    public static ApiRequest Ping(PingRequest request, string? target = null) =>
        new(HttpMethod.Post, "network/ping" + Target(target), JsonContent.Create(request, HostOpsJsonContext.Default.PingRequest));

    public static ApiRequest GetDns(string interfaceName, string? target = null) =>
        new(HttpMethod.Get, $"network/dns/{Uri.EscapeDataString(interfaceName)}" + Target(target));

    public static ApiRequest UpdateDns(DnsUpdateRequest request, string? target = null) =>
        new(HttpMethod.Put, "network/dns" + Target(target), JsonContent.Create(request, HostOpsJsonContext.Default.DnsUpdateRequest));

    /// <summary><c>POST /file</c>: <paramref name="content"/> streamed as the one file part of a multipart body, stored as <paramref name="name"/>.</summary>
    public static ApiRequest UploadFile(string name, Stream content)
    {
        var file = new StreamContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        var body = new MultipartFormDataContent { { file, "file", name } };
        return new(HttpMethod.Post, "file" + Query(("name", name)), body);
    }

    public static ApiRequest ListFiles() => new(HttpMethod.Get, "file");

    public static ApiRequest GetFile(string name) => new(HttpMethod.Get, $"file/{Uri.EscapeDataString(name)}");

    public static ApiRequest DeleteFile(string name) => new(HttpMethod.Delete, $"file/{Uri.EscapeDataString(name)}");

    /// <summary>
    /// The request of a declared operation (<see cref="OperationDeclaration"/>): the input's route properties go into
    /// the path, the others into the body (POST, PUT) or the query string (GET, DELETE).
    /// </summary>
    public static ApiRequest For<TInput, TResult>(Operation<TInput, TResult> operation, TInput input, string? target = null)
        where TInput : class
        where TResult : HostOutcome, new()
    {
        var values = JsonSerializer.SerializeToNode(input, operation.Input) as JsonObject ?? [];
        var path = operation.Route.TrimStart('/');
        foreach (var name in operation.RouteParameters)
        {
            var word = OperationValues.ToText(values[name]).FirstOrDefault()
                ?? throw new ArgumentException($"{name}: is required", nameof(input));
            path = path.Replace($"{{{name}}}", Uri.EscapeDataString(word), StringComparison.Ordinal);
            values.Remove(name);
        }

        if (operation.HasBody)
        {
            return new(new HttpMethod(operation.Method), path + Target(target), new StringContent(values.ToJsonString(), Encoding.UTF8, "application/json"));
        }

        var query = values.SelectMany(p => OperationValues.ToText(p.Value).Select(word => (p.Key, (string?)word)));
        return new(new HttpMethod(operation.Method), path + Query([.. query, ("target_hostname", target)]));
    }

    private static string Target(string? target) => Query(("target_hostname", target));

    private static (string Name, string? Value)[] AuditQuery(AuditFilter filter) =>
    [
        ("subject", filter.Subject),
        ("path", filter.PathPrefix),
        ("code", Number(filter.Code)),
        ("since", filter.Since?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
        ("until", filter.Until?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
    ];

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        return query.ToString();
    }
}
