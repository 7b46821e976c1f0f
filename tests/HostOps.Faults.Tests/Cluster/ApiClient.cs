using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace HostOps.Faults.Tests.Cluster;

/// <summary>The HTTP API as the suite uses it, with an admin bearer token; bodies are read as plain JSON.</summary>
public sealed class ApiClient : IDisposable
{
    public const string RecordOperation = "test.record.do";
    private const int PageSize = 100;
    private readonly HttpClient _http;

    public ApiClient(string url, string token)
    {
        _http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(15) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Submits a <c>test.record.do</c> job; the id when the API answered 201, else the status (0: no answer).</summary>
    public async Task<Submission> SubmitRecordAsync(int sleepMs, string target = "_any")
    {
        var body = $$$"""{"operation":{"type":"{{{RecordOperation}}}","data":{"sleep_ms":{{{sleepMs}}}}},"target_hostname":"{{{target}}}"}""";
        try
        {
            using var response = await _http.PostAsync("/job", new StringContent(body, Encoding.UTF8, "application/json"));
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return new Submission(null, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return new Submission(json.RootElement.GetProperty("job_id").GetGuid(), 201, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Submission(null, 0, e.Message);
        }
    }

    /// <summary><c>GET /job/{id}</c>: null on 404.</summary>
    public async Task<JobState?> GetAsync(Guid id)
    {
        using var response = await _http.GetAsync($"/job/{id}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return JobState.From(await ReadAsync(response));
    }

    public async Task<HttpStatusCode> DeleteAsync(Guid id)
    {
        using var response = await _http.DeleteAsync($"/job/{id}");
        return response.StatusCode;
    }

    /// <summary>Every job, page by page through <c>GET /job?offset=</c> (read once the jobs stopped changing).</summary>
    public async Task<List<JobState>> ListAllAsync()
    {
        var jobs = new List<JobState>();
        while (true)
        {
            using var response = await _http.GetAsync($"/job?limit={PageSize}&offset={jobs.Count.ToString(CultureInfo.InvariantCulture)}");
            var page = await ReadAsync(response);
            var items = page.GetProperty("items");
            jobs.AddRange(items.EnumerateArray().Select(JobState.From));
            if (items.GetArrayLength() == 0 || jobs.Count >= page.GetProperty("total_items").GetInt32())
            {
                return jobs;
            }
        }
    }

    /// <summary><c>GET /job/status</c>: total, per-status counts and the dead-letter count.</summary>
    public async Task<QueueCounts> StatsAsync()
    {
        using var response = await _http.GetAsync("/job/status");
        var body = await ReadAsync(response);
        var counts = body.GetProperty("status_counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        return new QueueCounts(body.GetProperty("total_jobs").GetInt32(), counts, body.GetProperty("dlq_count").GetInt64());
    }

    /// <summary><c>GET /health/status</c>: the HTTP status and the body's <c>status</c>.</summary>
    public async Task<(int Code, string Status, string Body)> HealthStatusAsync()
    {
        using var response = await _http.GetAsync("/health/status");
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        return ((int)response.StatusCode, json.RootElement.GetProperty("status").GetString() ?? "", text);
    }

    /// <summary>True when the API answers <c>GET /health</c> (it listens), whatever NATS does.</summary>
    public async Task<bool> AliveAsync()
    {
        using var response = await _http.GetAsync("/health");
        return response.IsSuccessStatusCode;
    }

    public async Task<HashSet<string>> WorkersAsync()
    {
        using var response = await _http.GetAsync("/job/workers");
        var body = await ReadAsync(response);
        return body.GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("hostname").GetString()!).ToHashSet();
    }

    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {text}");
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }
}

/// <summary>What one submit got: a job id on 201, else the HTTP status (0 when there was no answer) and body.</summary>
public sealed record Submission(Guid? JobId, int Code, string? Error);

/// <summary>The fields of a job the suite checks.</summary>
public sealed record JobState(Guid Id, string Status, int Attempts, string? Hostname, string? Error)
{
    public static JobState From(JsonElement job) => new(
        job.GetProperty("id").GetGuid(),
        job.GetProperty("status").GetString()!,
        job.TryGetProperty("attempts", out var attempts) && attempts.ValueKind == JsonValueKind.Number ? attempts.GetInt32() : 0,
        job.TryGetProperty("hostname", out var host) && host.ValueKind == JsonValueKind.String ? host.GetString() : null,
        job.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null);

    public override string ToString() => $"{Id} {Status} attempts={Attempts} host={Hostname ?? "-"}{(Error is null ? "" : $" error={Error}")}";
}

/// <summary>The answer of <c>GET /job/status</c>.</summary>
public sealed record QueueCounts(int Total, IReadOnlyDictionary<string, int> ByStatus, long Dlq)
{
    public int Of(string status) => ByStatus.GetValueOrDefault(status);

    public override string ToString() =>
        $"total={Total} {string.Join(' ', ByStatus.Where(p => p.Value != 0).Select(p => $"{p.Key}={p.Value}"))} dlq={Dlq}";
}
