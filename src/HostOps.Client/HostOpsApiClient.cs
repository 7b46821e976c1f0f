using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HostOps.Client.Configuration;
using HostOps.Client.Errors;
using HostOps.Client.Events;
using HostOps.Client.Http;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Audit;
using HostOps.Contracts.Files;
using HostOps.Contracts.Health;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;

namespace HostOps.Client;

/// <summary>
/// The typed .NET client of the HostOps REST API, sharing the server's wire records and JSON context.
/// Error answers throw <see cref="HostOpsApiException"/> (the error body's error/details/code); no answer at
/// all throws <see cref="HostOpsConnectionException"/>. <see cref="SendAsync"/> gives the body unchanged.
/// </summary>
public sealed class HostOpsApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <param name="http">Its <see cref="HttpClient.BaseAddress"/> is the API's URL; the caller keeps owning it.</param>
    /// <param name="token">Bearer token; empty sends none.</param>
    public HostOpsApiClient(HttpClient http, string? token = null)
        : this(http, token, ownsHttp: false)
    {
    }

    private HostOpsApiClient(HttpClient http, string? token, bool ownsHttp)
    {
        _http = http;
        _ownsHttp = ownsHttp;
        BaseAddress = http.BaseAddress ?? throw new ArgumentException("the HttpClient needs a BaseAddress (the API URL)", nameof(http));
        Token = token ?? "";
    }

    public Uri BaseAddress { get; }

    public string Token { get; }

    /// <summary>
    /// A client for <see cref="ApiClientOptions"/> (<c>api.client.url</c>, <c>api.client.token</c>, <c>api.client.ca_file</c>).
    /// A given <paramref name="handler"/> replaces the one <see cref="ApiClientOptions.CaFile"/> would make.
    /// </summary>
    public static HostOpsApiClient Create(ApiClientOptions options, HttpMessageHandler? handler = null, TimeSpan? timeout = null)
    {
        var baseUrl = options.Url.EndsWith('/') ? options.Url : options.Url + "/";
        handler ??= options.CaFile is { Length: > 0 } caFile ? Tls.CaTrust.Handler(caFile) : new SocketsHttpHandler();
        var http = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = new Uri(baseUrl, UriKind.Absolute),
            Timeout = timeout ?? TimeSpan.FromSeconds(100),
        };
        return new HostOpsApiClient(http, options.Token, ownsHttp: true);
    }

    /// <summary>Disposes the HttpClient when <see cref="Create"/> made it.</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    public Task<SimpleStatus> GetHealthAsync(CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.Health(), HostOpsJsonContext.Default.SimpleStatus, cancellationToken);

    /// <summary>200 ready or 503 not ready: both answer the status body.</summary>
    public Task<SimpleStatus> GetReadinessAsync(CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.Ready(), HostOpsJsonContext.Default.SimpleStatus, cancellationToken);

    /// <summary>200 healthy or 503 degraded: both answer the full status body.</summary>
    public Task<HealthStatus> GetHealthStatusAsync(CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.HealthStatus(), HostOpsJsonContext.Default.HealthStatus, cancellationToken);

    public Task<SubmitJobResponse> SubmitJobAsync(SubmitJobRequest request, CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.SubmitJob(request), HostOpsJsonContext.Default.SubmitJobResponse, cancellationToken);

    public Task<JobList> ListJobsAsync(string? status = null, int? limit = null, int? offset = null, CancellationToken cancellationToken = default) =>
        ListJobsAsync(status, limit, offset, null, cancellationToken);

    /// <summary>One page of jobs; pass the previous page's <see cref="JobList.Next"/> as <paramref name="cursor"/> to continue.</summary>
    public Task<JobList> ListJobsAsync(string? status, int? limit, int? offset, string? cursor, CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.ListJobs(status, limit, offset, cursor), HostOpsJsonContext.Default.JobList, cancellationToken);

    /// <summary>One page of the jobs of an operation type and/or target (as submitted), optionally of one status.</summary>
    public Task<JobList> ListJobsAsync(string? status, string? operation, string? target, int? limit = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.ListJobs(status, limit, null, cursor, operation, target), HostOpsJsonContext.Default.JobList, cancellationToken);

    /// <summary>Every job (optionally of one status), newest first, page by page through the cursor.</summary>
    public async IAsyncEnumerable<JobDetail> ListAllJobsAsync(
        string? status = null, int? pageSize = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        do
        {
            var page = await ListJobsAsync(status, pageSize, null, cursor, cancellationToken);
            foreach (var job in page.Items)
            {
                yield return job;
            }

            cursor = page.Next;
        }
        while (cursor is not null);
    }

    /// <summary>One page of the audit log (admin); pass the previous page's <see cref="AuditPage.Next"/> as <paramref name="cursor"/> to continue.</summary>
    public Task<AuditPage> ListAuditAsync(AuditFilter? filter = null, int? limit = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.ListAudit(filter, limit, cursor), HostOpsJsonContext.Default.AuditPage, cancellationToken);

    /// <summary>
    /// Every entry of <c>GET /audit/export</c> matching <paramref name="filter"/>, oldest first, read line by line as
    /// the NDJSON arrives, so an export of the whole log never sits in memory.
    /// </summary>
    public async IAsyncEnumerable<AuditEntry> ExportAuditAsync(
        AuditFilter? filter = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.ExportAudit(filter);
        using var message = new HttpRequestMessage(request.Method, request.Path);
        if (Token.Length > 0)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        HttpResponseMessage answer;
        try
        {
            answer = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new HostOpsConnectionException(BaseAddress, Reason(e), e);
        }

        using (answer)
        {
            if (!answer.IsSuccessStatusCode)
            {
                throw ToException(new ApiResponse(answer.StatusCode, await answer.Content.ReadAsStringAsync(cancellationToken)));
            }

            using var lines = new StreamReader(await answer.Content.ReadAsStreamAsync(cancellationToken));
            while (await lines.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length > 0)
                {
                    yield return JsonSerializer.Deserialize(line, HostOpsJsonContext.Default.AuditEntry)
                        ?? throw new HostOpsApiException(answer.StatusCode, "the API exported an empty audit entry", line, (int)answer.StatusCode);
                }
            }
        }
    }

    public Task<JobDetail> GetJobAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.GetJob(id), HostOpsJsonContext.Default.JobDetail, cancellationToken);

    public async Task DeleteJobAsync(Guid id, CancellationToken cancellationToken = default) =>
        await SendAsync(ApiRequest.DeleteJob(id), cancellationToken);

    /// <summary>Re-queues a failed or dead-lettered job; the answer body is returned as received.</summary>
    public Task<ApiResponse> RetryJobAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync(ApiRequest.RetryJob(id), cancellationToken);

    /// <summary>
    /// Every job change matching <paramref name="query"/> as it happens (<c>GET /job/events</c>), until cancelled or
    /// the server ends the stream. To resume after a break, pass the <see cref="JobChangeEvent.Id"/> of the last change
    /// received as <see cref="JobEventQuery.LastEventId"/>: the server sends exactly the changes after it.
    /// </summary>
    public IAsyncEnumerable<JobChangeEvent> WatchJobEventsAsync(JobEventQuery? query = null, CancellationToken cancellationToken = default) =>
        StreamAsync(ApiRequest.JobEvents(query?.Status, query?.Operation, query?.TargetHostname), query?.LastEventId, cancellationToken);

    /// <summary>One job's changes from its submission (or after <paramref name="lastEventId"/>) until it ends (<c>GET /job/{id}/events</c>).</summary>
    public IAsyncEnumerable<JobChangeEvent> WatchJobAsync(Guid id, ulong? lastEventId = null, CancellationToken cancellationToken = default) =>
        StreamAsync(ApiRequest.JobEventsOf(id), lastEventId, cancellationToken);

    public Task<QueueStats> GetQueueStatusAsync(CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.QueueStatus(), HostOpsJsonContext.Default.QueueStats, cancellationToken);

    public Task<WorkerList> GetWorkersAsync(CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.Workers(), HostOpsJsonContext.Default.WorkerList, cancellationToken);

    public Task<AgentList> ListAgentsAsync(CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.Agents(), HostOpsJsonContext.Default.AgentList, cancellationToken);

    public Task<AgentList> ListPendingAgentsAsync(CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.PendingAgents(), HostOpsJsonContext.Default.AgentList, cancellationToken);

    public Task<AgentInfo> GetAgentAsync(string hostname, CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.GetAgent(hostname), HostOpsJsonContext.Default.AgentInfo, cancellationToken);

    public Task<AgentInfo> AcceptAgentAsync(string hostname, CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.DecideAgent(hostname, "accept"), HostOpsJsonContext.Default.AgentInfo, cancellationToken);

    public Task<AgentInfo> RejectAgentAsync(string hostname, CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.DecideAgent(hostname, "reject"), HostOpsJsonContext.Default.AgentInfo, cancellationToken);

    public async Task RemoveAgentAsync(string hostname, CancellationToken cancellationToken = default) =>
        await SendAsync(ApiRequest.RemoveAgent(hostname), cancellationToken);

    public Task<NodeResults<HostnameResult>> GetHostnameAsync(string? target = null, CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.Hostname(target), HostOpsJsonContext.Default.NodeResultsHostnameResult, cancellationToken);

    public Task<NodeResults<SystemStatusResult>> GetSystemStatusAsync(string? target = null, CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.SystemStatus(target), HostOpsJsonContext.Default.NodeResultsSystemStatusResult, cancellationToken);

    public Task<NodeResults<PingResult>> PingAsync(PingRequest request, string? target = null, CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.Ping(request, target), HostOpsJsonContext.Default.NodeResultsPingResult, cancellationToken);

    public Task<NodeResults<DnsConfig>> GetDnsAsync(string interfaceName, string? target = null, CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.GetDns(interfaceName, target), HostOpsJsonContext.Default.NodeResultsDnsConfig, cancellationToken);

    public Task<NodeResults<DnsUpdateResult>> UpdateDnsAsync(DnsUpdateRequest request, string? target = null, CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.UpdateDns(request, target), HostOpsJsonContext.Default.NodeResultsDnsUpdateResult, cancellationToken);

    /// <summary>Stores <paramref name="content"/> in the file store as <paramref name="name"/> (up to 64 MiB, streamed); answers its size and sha256.</summary>
    public Task<StoredFile> UploadFileAsync(string name, Stream content, CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.UploadFile(name, content), HostOpsJsonContext.Default.StoredFile, cancellationToken);

    public Task<StoredFileList> ListFilesAsync(CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.ListFiles(), HostOpsJsonContext.Default.StoredFileList, cancellationToken);

    public Task<StoredFile> GetFileAsync(string name, CancellationToken cancellationToken = default) =>
        GetAsync(ApiRequest.GetFile(name), HostOpsJsonContext.Default.StoredFile, cancellationToken);

    public async Task DeleteFileAsync(string name, CancellationToken cancellationToken = default) =>
        await SendAsync(ApiRequest.DeleteFile(name), cancellationToken);

    /// <summary>Runs a declared operation (e.g. <c>ServiceOperations.Start</c>) on the targeted hosts: one item per host.</summary>
    public Task<NodeResults<TResult>> RunAsync<TInput, TResult>(
        Operation<TInput, TResult> operation, TInput input, string? target = null, CancellationToken cancellationToken = default)
        where TInput : class
        where TResult : HostOutcome, new() =>
        GetAsync(ApiRequest.For(operation, input, target), operation.Results, cancellationToken);

    /// <summary>Sends one request; an error answer throws <see cref="HostOpsApiException"/>, a success returns the body unchanged.</summary>
    public async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(request.Method, request.Path) { Content = request.Content };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (Token.Length > 0)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        ApiResponse response;
        try
        {
            using var answer = await _http.SendAsync(message, cancellationToken);
            response = new ApiResponse(answer.StatusCode, await answer.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException e)
        {
            throw new HostOpsConnectionException(BaseAddress, Reason(e), e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HostOpsConnectionException(BaseAddress, $"no answer within {_http.Timeout.TotalSeconds:0}s", e);
        }

        if (response.IsSuccess || (request.AnswersWithBodyWhenUnavailable && response.StatusCode == HttpStatusCode.ServiceUnavailable))
        {
            return response;
        }

        throw ToException(response);
    }

    /// <summary>Reads a body received through <see cref="SendAsync"/>.</summary>
    public static T Read<T>(ApiResponse response, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, type)
                ?? throw new HostOpsApiException(response.StatusCode, "the API answered an empty body", null, (int)response.StatusCode);
        }
        catch (JsonException e)
        {
            throw new HostOpsApiException(response.StatusCode, "the API answered a body this client cannot read", e.Message, (int)response.StatusCode);
        }
    }

    private async IAsyncEnumerable<JobChangeEvent> StreamAsync(
        ApiRequest request, ulong? lastEventId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var answer = await OpenStreamAsync(request, lastEventId, cancellationToken);
        await using var body = await answer.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var message in ServerSentEventReader.ReadAsync(body, cancellationToken))
        {
            JobChangeEvent? change;
            try
            {
                change = JsonSerializer.Deserialize(message.Data, HostOpsJsonContext.Default.JobChangeEvent);
            }
            catch (JsonException e)
            {
                throw new HostOpsApiException(answer.StatusCode, "the API sent an event this client cannot read", e.Message, (int)answer.StatusCode);
            }

            if (change is not null)
            {
                yield return change;
            }
        }
    }

    // Only the headers are awaited: the HttpClient's timeout does not cut a stream that lasts longer.
    private async Task<HttpResponseMessage> OpenStreamAsync(ApiRequest request, ulong? lastEventId, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, request.Path);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (Token.Length > 0)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        if (lastEventId is { } id)
        {
            message.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        HttpResponseMessage answer;
        try
        {
            answer = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new HostOpsConnectionException(BaseAddress, Reason(e), e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HostOpsConnectionException(BaseAddress, $"no answer within {_http.Timeout.TotalSeconds:0}s", e);
        }

        if (answer.IsSuccessStatusCode)
        {
            return answer;
        }

        using (answer)
        {
            throw ToException(new ApiResponse(answer.StatusCode, await answer.Content.ReadAsStringAsync(cancellationToken)));
        }
    }

    private async Task<T> GetAsync<T>(ApiRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        Read(await SendAsync(request, cancellationToken), type);

    private static HostOpsApiException ToException(ApiResponse response)
    {
        try
        {
            if (JsonSerializer.Deserialize(response.Body, HostOpsJsonContext.Default.ErrorBody) is { Error: { Length: > 0 } } body)
            {
                return new HostOpsApiException(response.StatusCode, body.Error, body.Details, body.Code);
            }
        }
        catch (JsonException)
        {
        }

        var text = response.Body.Trim();
        return new HostOpsApiException(
            response.StatusCode,
            $"HTTP {(int)response.StatusCode} {response.StatusCode}",
            text.Length == 0 ? null : text[..Math.Min(text.Length, 200)],
            (int)response.StatusCode);
    }

    private static string Reason(HttpRequestException e) =>
        e.HttpRequestError switch
        {
            HttpRequestError.ConnectionError => "connection refused or unreachable",
            HttpRequestError.NameResolutionError => "host name not found",
            HttpRequestError.SecureConnectionError when e.InnerException is System.Security.Authentication.AuthenticationException =>
                "TLS: the API's certificate is not trusted (it must chain to a CA in api.client.ca_file and name this host)",
            HttpRequestError.SecureConnectionError => "TLS handshake failed",
            _ => e.InnerException?.Message ?? e.Message,
        };
}
