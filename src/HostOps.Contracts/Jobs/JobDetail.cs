using System.Text.Json;

namespace HostOps.Contracts.Jobs;

/// <summary>
/// Everything known about one job, as answered by <c>GET /job/{id}</c>. <c>TraceId</c>: the trace its submit belongs
/// to, when tracing was on (look it up in the tracing system); omitted otherwise.
/// </summary>
public sealed record JobDetail(
    Guid Id,
    string Status,
    DateTimeOffset Created,
    DateTimeOffset UpdatedAt,
    JobOperation Operation,
    string TargetHostname,
    string? Hostname,
    JsonElement? Result,
    string? Error,
    IReadOnlyDictionary<string, JobHostResponse> Responses,
    IReadOnlyDictionary<string, WorkerState> WorkerStates,
    int Attempts,
    string? TraceId = null);
