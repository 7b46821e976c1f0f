using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HostOps.Api.Audit;
using HostOps.Api.Configuration;
using HostOps.Api.Errors;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;
using HostOps.Contracts.Text;
using HostOps.Jobs.Client;
using Microsoft.Extensions.Options;

namespace HostOps.Api.Operations;

/// <summary>
/// Runs a node operation the way every such endpoint does: submit a job, wait up to <c>api.server.job_timeout</c>,
/// answer one result item per host that answered (each host's <c>data</c> is its item). A timeout answers 504 with
/// the job id so the caller can poll; a job no host answered successfully answers 502 with the hosts' errors.
/// </summary>
internal sealed partial class NodeOperationRunner(
    JobClient jobs, IOptions<ApiServerOptions> options, IHttpContextAccessor http, ILogger<NodeOperationRunner> logger)
{
    public const string DefaultTarget = "_any";

    /// <param name="onHostFailure">Builds an item for a host that failed, for operations whose items carry a status; null skips such hosts.</param>
    public async Task<NodeRun<T>> RunAsync<T>(
        string operationType,
        JsonElement? data,
        string? target,
        JsonTypeInfo<T> itemType,
        Func<JobHostResponse, T>? onHostFailure,
        CancellationToken cancellationToken)
    {
        SubmitJobResponse submitted;
        try
        {
            submitted = await jobs.SubmitAsync(new JobOperation(operationType, data), string.IsNullOrEmpty(target) ? DefaultTarget : target, cancellationToken);
            AuditFacts.Job(http.HttpContext, submitted.JobId, target);
        }
        catch (JobRequestException e)
        {
            return new NodeRun<T>(null, ApiErrors.InvalidField(string.IsNullOrEmpty(e.Field) ? "request" : e.Field, e.Message));
        }

        var timeout = options.Value.JobTimeout.Value;
        var detail = await jobs.WaitForCompletionAsync(submitted.JobId, timeout, cancellationToken);
        if (detail is null)
        {
            LogTimedOut(logger, submitted.JobId, operationType, target ?? DefaultTarget);
            var details = $"job {submitted.JobId} did not finish within {DurationText.Format(timeout)}; poll GET /job/{submitted.JobId}";
            return new NodeRun<T>(null, ApiErrors.Status(StatusCodes.Status504GatewayTimeout, details));
        }

        var items = new List<T>();
        var failures = new List<string>();
        var succeeded = 0;
        foreach (var response in Responses(detail))
        {
            if (response.Data is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } item && response.Error is null)
            {
                items.Add(item.Deserialize(itemType) ?? throw new JsonException($"empty result from {response.Hostname}"));
                succeeded++;
            }
            else
            {
                failures.Add($"{response.Hostname}: {response.Error ?? response.Status}");
                if (onHostFailure is not null)
                {
                    items.Add(onHostFailure(response));
                }
            }
        }

        // Items of failed hosts (onHostFailure) do not count: a job no host ran successfully is 502.
        if (succeeded == 0 && detail.Status != JobStatus.Completed)
        {
            var why = failures.Count > 0 ? string.Join("; ", failures) : detail.Error ?? "no host answered";
            return new NodeRun<T>(null, ApiErrors.Status(StatusCodes.Status502BadGateway, $"job {detail.Id} {detail.Status}: {why}"));
        }

        return new NodeRun<T>(new NodeResults<T>(items), null);
    }

    // Single-worker jobs may carry their answer only in Result.
    private static IEnumerable<JobHostResponse> Responses(JobDetail detail)
    {
        if (detail.Responses.Count > 0)
        {
            return detail.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value);
        }

        return detail.Result is { } result
            ? [new JobHostResponse(detail.Status, result, detail.Error, detail.Hostname ?? "")]
            : [];
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Job {JobId} ({Operation} on {Target}) did not finish within the API job timeout")]
    private static partial void LogTimedOut(ILogger logger, Guid jobId, string operation, string target);
}
