using HostOps.Api.Health;
using HostOps.Contracts.Health;
using HostOps.Contracts.Json;
using HostOps.Contracts.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HostOps.Api.Endpoints.Health;

/// <summary><c>/health</c> (liveness, never touches NATS), <c>/health/ready</c> and <c>/health/status</c> (the seed document).</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        // Mapped outside the group: a group's "" route would be "/health/" in the OpenAPI document.
        routes.MapGet("/health", Live)
            .WithTags("Health")
            .AllowAnonymous()
            .WithName("GetHealth")
            .WithSummary("Liveness: 200 while the process runs; never touches NATS.");

        var group = routes.MapGroup("/health").WithTags("Health");

        group.MapGet("/ready", ReadyAsync)
            .AllowAnonymous()
            .WithName("GetHealthReady")
            .WithSummary("Readiness: 200 when NATS is connected and the job bucket answers, else 503.")
            .Produces<SimpleStatus, RouteHandlerBuilder>(StatusCodes.Status503ServiceUnavailable, "Not ready; error says why.");

        group.MapGet("/status", StatusAsync)
            .RequireScope(Scopes.Read)
            .WithName("GetHealthStatus")
            .WithSummary("System status and component health")
            .WithDescription("Returns per-component health status with system metrics. Requires authentication.")
            .Produces<HealthStatus, RouteHandlerBuilder>(StatusCodes.Status200OK, "All components healthy.")
            .Produces<HealthStatus, RouteHandlerBuilder>(StatusCodes.Status503ServiceUnavailable, "One or more components unhealthy.");

        return routes;
    }

    private static Ok<SimpleStatus> Live() => TypedResults.Ok(new SimpleStatus("ok"));

    private static async Task<Results<Ok<SimpleStatus>, JsonHttpResult<SimpleStatus>>> ReadyAsync(HealthReporter reporter, CancellationToken cancellationToken)
    {
        var reason = await reporter.NotReadyReasonAsync(cancellationToken);
        return reason is null
            ? TypedResults.Ok(new SimpleStatus("ready"))
            : TypedResults.Json(new SimpleStatus("not_ready", reason), HostOpsJsonContext.Default.SimpleStatus, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<JsonHttpResult<HealthStatus>> StatusAsync(HealthReporter reporter, CancellationToken cancellationToken)
    {
        var status = await reporter.GetStatusAsync(cancellationToken);
        var code = status.Status == "ok" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        return TypedResults.Json(status, HostOpsJsonContext.Default.HealthStatus, statusCode: code);
    }
}
