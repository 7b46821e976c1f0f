using System.Globalization;
using System.Security.Claims;
using HostOps.Api.Audit;
using HostOps.Api.Errors;
using HostOps.Api.Operations;
using HostOps.Api.Security;
using HostOps.Contracts.Errors;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;
using HostOps.Contracts.Security;
using HostOps.Jobs.Client;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HostOps.Api.Endpoints.Jobs;

/// <summary>Job CRUD, counts, workers and retry. Ids and query values are taken as text so a bad one answers 400 naming it.</summary>
internal static class JobEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 100;
    public const int MaxOffset = 10_000;

    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder routes)
    {
        // No prefix on the group: a group's "" route would be "/job/", not "/job".
        var group = routes.MapGroup("").WithTags("Jobs")
            .AddEndpointFilter<NatsAvailabilityFilter>()
            .ProducesErrors(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/job", SubmitAsync)
            .RequireScope(Scopes.Write)
            .WithName("SubmitJob")
            .WithSummary("Submit a job; a modifying operation needs the write scope.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge);

        group.MapGet("/job", ListAsync)
            .RequireScope(Scopes.Read)
            .WithName("ListJobs")
            .WithSummary("One page of jobs, newest first, optionally of one status, operation type and target.")
            .ProducesErrors(StatusCodes.Status400BadRequest);

        group.MapGet("/job/status", StatsAsync)
            .RequireScope(Scopes.Read)
            .WithName("GetJobStats")
            .WithSummary("Exact job counts by status and operation, and the dead-letter count.");

        group.MapGet("/job/workers", WorkersAsync)
            .RequireScope(Scopes.Read)
            .WithName("GetJobWorkers")
            .WithSummary("Agents whose heartbeat is alive.");

        group.MapGet("/job/{id}", GetAsync)
            .RequireScope(Scopes.Read)
            .WithName("GetJob")
            .WithSummary("One job with its responses and per-host states.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        group.MapDelete("/job/{id}", DeleteAsync)
            .RequireScope(Scopes.Admin)
            .WithName("DeleteJob")
            .WithSummary("Remove a job's definition, events and responses.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        group.MapPost("/job/{id}/retry", RetryAsync)
            .RequireScope(Scopes.Write)
            .WithName("RetryJob")
            .WithSummary("Re-queue a failed or dead-lettered job as a new attempt (same id).")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        routes.MapJobEventEndpoints();
        return routes;
    }

    private static async Task<Results<Created<SubmitJobResponse>, JsonHttpResult<ErrorBody>>> SubmitAsync(
        SubmitJobRequest? request, ClaimsPrincipal user, JobClient jobs, HttpContext context, CancellationToken cancellationToken)
    {
        if (request?.Operation is not { } operation)
        {
            return ApiErrors.Invalid("operation", "required");
        }

        if (string.IsNullOrWhiteSpace(operation.Type))
        {
            return ApiErrors.Invalid("operation.type", "required");
        }

        if (!OperationTypes.IsKnown(operation.Type))
        {
            return ApiErrors.Invalid("operation.type", $"'{Shorten(operation.Type)}' is not one of {string.Join(", ", OperationTypes.All)}");
        }

        var needed = OperationScopes.Required(operation.Type);
        if (!ScopeClaims.Has(user, needed))
        {
            return ApiErrors.Status(StatusCodes.Status403Forbidden, $"requires scope {needed} for {operation.Type}");
        }

        try
        {
            var submitted = await jobs.SubmitAsync(operation, request.TargetHostname, cancellationToken);
            AuditFacts.Job(context, submitted.JobId, request.TargetHostname);
            return TypedResults.Created($"/job/{submitted.JobId}", submitted);
        }
        catch (JobRequestException e)
        {
            return ApiErrors.InvalidField(string.IsNullOrEmpty(e.Field) ? "operation" : e.Field, e.Message);
        }
    }

    // Deep pages go by cursor: a cursor costs the same on page 1 and page 10,000, an offset grows with itself.
    private static async Task<Results<Ok<JobList>, JsonHttpResult<ErrorBody>>> ListAsync(
        JobClient jobs,
        CancellationToken cancellationToken,
        string? status = null,
        string? operation = null,
        [FromQuery(Name = "target_hostname")] string? targetHostname = null,
        string? limit = null,
        string? offset = null,
        string? cursor = null)
    {
        if (JobFilterQuery.Read(status, operation, targetHostname, out var invalid) is not { } filter)
        {
            return invalid!;
        }

        if (!TryParse(limit, DefaultLimit, 1, MaxLimit, out var pageSize))
        {
            return ApiErrors.Invalid("limit", $"must be a whole number from 1 to {MaxLimit}");
        }

        if (!TryParse(offset, 0, 0, MaxOffset, out var skip))
        {
            return ApiErrors.Invalid("offset", $"must be a whole number from 0 to {MaxOffset}; page further with cursor");
        }

        cursor = string.IsNullOrEmpty(cursor) ? null : cursor;
        if (cursor is not null && skip > 0)
        {
            return ApiErrors.Invalid("offset", "cannot be combined with cursor");
        }

        try
        {
            return TypedResults.Ok(await jobs.ListAsync(new JobListQuery(filter.Status, pageSize, skip, cursor, filter.Operation, filter.Target), cancellationToken));
        }
        catch (JobRequestException e)
        {
            return ApiErrors.InvalidField(e.Field, e.Message);
        }
    }

    private static async Task<Ok<QueueStats>> StatsAsync(JobClient jobs, CancellationToken cancellationToken) =>
        TypedResults.Ok(await jobs.GetStatsAsync(cancellationToken));

    private static async Task<Ok<WorkerList>> WorkersAsync(JobClient jobs, CancellationToken cancellationToken) =>
        TypedResults.Ok(await jobs.GetWorkersAsync(cancellationToken));

    private static async Task<Results<Ok<JobDetail>, JsonHttpResult<ErrorBody>>> GetAsync(string id, JobClient jobs, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var jobId))
        {
            return InvalidId();
        }

        return await jobs.GetAsync(jobId, cancellationToken) is { } detail
            ? TypedResults.Ok(detail)
            : ApiErrors.NotFound($"no job {jobId}");
    }

    private static async Task<Results<NoContent, JsonHttpResult<ErrorBody>>> DeleteAsync(string id, JobClient jobs, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var jobId))
        {
            return InvalidId();
        }

        return await jobs.DeleteAsync(jobId, cancellationToken) ? TypedResults.NoContent() : ApiErrors.NotFound($"no job {jobId}");
    }

    private static async Task<Results<Accepted, JsonHttpResult<ErrorBody>>> RetryAsync(string id, JobClient jobs, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var jobId))
        {
            return InvalidId();
        }

        var outcome = await jobs.RetryAsync(jobId, cancellationToken);
        return outcome.Result switch
        {
            RetryResult.Retried => TypedResults.Accepted($"/job/{jobId}"),
            RetryResult.NotFound => ApiErrors.NotFound($"no job {jobId}"),
            _ => ApiErrors.Status(StatusCodes.Status409Conflict, outcome.Reason ?? $"job {jobId} cannot be retried now"),
        };
    }

    private static JsonHttpResult<ErrorBody> InvalidId() => ApiErrors.Invalid("id", "must be a UUID");

    private static bool TryParse(string? text, int fallback, int min, int max, out int value)
    {
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    private static string Shorten(string value) => value.Length > 64 ? value[..64] + "…" : value;
}
