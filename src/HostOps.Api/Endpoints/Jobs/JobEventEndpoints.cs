using System.Globalization;
using HostOps.Api.Configuration;
using HostOps.Api.Errors;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Security;
using HostOps.Jobs.Client;
using HostOps.Jobs.Events;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HostOps.Api.Endpoints.Jobs;

/// <summary>
/// Live job events over server-sent events (docs/api.md, "Job events"): every job's changes, filtered, or one job's
/// until it ends. Each event's <c>id</c> is the job bucket sequence of its change; <c>Last-Event-ID</c> resumes after it.
/// </summary>
internal static class JobEventEndpoints
{
    public const string LastEventIdHeader = "Last-Event-ID";

    public static IEndpointRouteBuilder MapJobEventEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Jobs")
            .AddEndpointFilter<NatsAvailabilityFilter>()
            .ProducesErrors(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/job/events", StreamAllAsync)
            .RequireScope(Scopes.Read)
            .WithName("StreamJobEvents")
            .WithSummary("Every job change as server-sent events (text/event-stream), optionally filtered; resume with Last-Event-ID. 429 beyond api.server.events.max_streams_per_token open streams of one token.")
            .Produces<JobChangeEvent>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesErrors(StatusCodes.Status400BadRequest);

        group.MapGet("/job/{id}/events", StreamOneAsync)
            .RequireScope(Scopes.Read)
            .WithName("StreamJobEventsOfJob")
            .WithSummary("One job's changes as server-sent events, from its submission (or after Last-Event-ID) until it is completed, failed, partially failed, dead-lettered or deleted.")
            .Produces<JobChangeEvent>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<IResult> StreamAllAsync(
        HttpContext http,
        JobEventStreams streams,
        EventStreamLimiter limiter,
        IOptions<ApiServerOptions> options,
        IHostApplicationLifetime lifetime,
        string? status = null,
        string? operation = null,
        [FromQuery(Name = "target_hostname")] string? targetHostname = null,
        [FromQuery(Name = "last_event_id")] string? lastEventId = null)
    {
        if (JobFilterQuery.Read(status, operation, targetHostname, out var invalid) is not { } filter)
        {
            return invalid!;
        }

        if (!TryLastEventId(http, lastEventId, out var after, out var problem))
        {
            return problem!;
        }

        using var lease = limiter.TryOpen(http);
        if (lease is null)
        {
            return TooMany(limiter.Limit);
        }

        using var subscription = streams.Open(new JobEventFilter(null, filter.Status, filter.Operation, filter.Target), after);
        await EventStreamWriter.WriteAsync(http, subscription, options.Value.Events.Heartbeat.Value, lifetime.ApplicationStopping);
        return Results.Empty;
    }

    private static async Task<IResult> StreamOneAsync(
        string id,
        HttpContext http,
        JobClient jobs,
        JobEventStreams streams,
        EventStreamLimiter limiter,
        IOptions<ApiServerOptions> options,
        IHostApplicationLifetime lifetime,
        [FromQuery(Name = "last_event_id")] string? lastEventId = null)
    {
        if (!Guid.TryParse(id, out var jobId))
        {
            return ApiErrors.Invalid("id", "must be a UUID");
        }

        if (!TryLastEventId(http, lastEventId, out var after, out var problem))
        {
            return problem!;
        }

        if (await jobs.FindAsync(jobId, http.RequestAborted) is not { } job)
        {
            return ApiErrors.NotFound($"no job {jobId}");
        }

        using var lease = limiter.TryOpen(http);
        if (lease is null)
        {
            return TooMany(limiter.Limit);
        }

        using var subscription = streams.Open(job, after);
        await EventStreamWriter.WriteAsync(http, subscription, options.Value.Events.Heartbeat.Value, lifetime.ApplicationStopping);
        return Results.Empty;
    }

    // The header is what browsers send on reconnecting; the query parameter is for clients that cannot set headers.
    private static bool TryLastEventId(HttpContext http, string? query, out ulong? after, out IResult? problem)
    {
        after = null;
        problem = null;
        var header = http.Request.Headers[LastEventIdHeader].ToString();
        var (name, text) = header.Length > 0 ? (LastEventIdHeader, header) : ("last_event_id", query);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            problem = ApiErrors.Invalid(name, "must be the id of an event received earlier (a whole number)");
            return false;
        }

        after = id;
        return true;
    }

    private static IResult TooMany(int limit) =>
        ApiErrors.Status(
            StatusCodes.Status429TooManyRequests,
            $"this token already holds {limit} open event streams (api.server.events.max_streams_per_token); close one first",
            "Too many event streams");

}
