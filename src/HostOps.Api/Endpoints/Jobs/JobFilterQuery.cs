using HostOps.Api.Errors;
using HostOps.Contracts.Errors;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;
using HostOps.Jobs.Routing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HostOps.Api.Endpoints.Jobs;

/// <summary>
/// The filters <c>GET /job</c> and <c>GET /job/events</c> share: <c>status</c>, <c>operation</c> and
/// <c>target_hostname</c>, each empty or absent for any; checked alike, the target in its canonical text.
/// </summary>
internal sealed record JobFilterQuery(string? Status, string? Operation, string? Target)
{
    /// <summary>The filters, or the 400 naming the first one that is not valid.</summary>
    public static JobFilterQuery? Read(string? status, string? operation, string? targetHostname, out JsonHttpResult<ErrorBody>? problem)
    {
        problem = null;
        status = string.IsNullOrEmpty(status) ? null : status;
        operation = string.IsNullOrEmpty(operation) ? null : operation;
        if (status is not null && !JobStatus.IsKnown(status))
        {
            problem = ApiErrors.Invalid("status", $"must be one of {string.Join(", ", JobStatus.All)}");
            return null;
        }

        if (operation is not null && !OperationTypes.IsKnown(operation))
        {
            problem = ApiErrors.Invalid("operation", "is not a known operation type (GET /openapi/v1.json lists them)");
            return null;
        }

        string? target = null;
        if (!string.IsNullOrEmpty(targetHostname))
        {
            target = JobTarget.TryParse(targetHostname, out var error)?.Text;
            if (target is null)
            {
                problem = ApiErrors.Invalid("target_hostname", error!);
                return null;
            }
        }

        return new JobFilterQuery(status, operation, target);
    }
}
