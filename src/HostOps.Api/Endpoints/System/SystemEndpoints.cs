using HostOps.Api.Operations;
using HostOps.Contracts.Errors;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;
using HostOps.Contracts.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HostOps.Api.Endpoints.System;

/// <summary>System readings of the targeted hosts, each one job submitted and awaited.</summary>
internal static class SystemEndpoints
{
    public static IEndpointRouteBuilder MapSystemEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/system").WithTags("System")
            .AddEndpointFilter<NatsAvailabilityFilter>()
            .ProducesErrors(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/hostname", HostnameAsync)
            .RequireScope(Scopes.Read)
            .WithName("GetSystemHostname")
            .WithSummary("Hostname of each targeted host.")
            .ProducesNodeOperationErrors();

        group.MapGet("/status", StatusAsync)
            .RequireScope(Scopes.Read)
            .WithName("GetSystemStatus")
            .WithSummary("Uptime, load, memory, disks and OS of each targeted host.")
            .ProducesNodeOperationErrors();

        return routes;
    }

    private static async Task<Results<Ok<NodeResults<HostnameResult>>, JsonHttpResult<ErrorBody>>> HostnameAsync(
        NodeOperationRunner runner, CancellationToken cancellationToken, [FromQuery(Name = "target_hostname")] string? target = null)
    {
        var run = await runner.RunAsync(OperationTypes.HostnameGet, null, target, HostOpsJsonContext.Default.HostnameResult, null, cancellationToken);
        return run.Error is { } error ? error : TypedResults.Ok(run.Results);
    }

    private static async Task<Results<Ok<NodeResults<SystemStatusResult>>, JsonHttpResult<ErrorBody>>> StatusAsync(
        NodeOperationRunner runner, CancellationToken cancellationToken, [FromQuery(Name = "target_hostname")] string? target = null)
    {
        var run = await runner.RunAsync(OperationTypes.StatusGet, null, target, HostOpsJsonContext.Default.SystemStatusResult, null, cancellationToken);
        return run.Error is { } error ? error : TypedResults.Ok(run.Results);
    }
}
