using System.Text.Json;
using HostOps.Api.Configuration;
using HostOps.Api.Errors;
using HostOps.Api.Operations;
using HostOps.Contracts.Errors;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;
using HostOps.Contracts.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HostOps.Api.Endpoints.Network;

/// <summary>Ping from the hosts, and their DNS settings; inputs are checked here with the shared <see cref="InputRules"/>, before any job exists.</summary>
internal static class NetworkEndpoints
{
    public static IEndpointRouteBuilder MapNetworkEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/network").WithTags("Network")
            .AddEndpointFilter<NatsAvailabilityFilter>()
            .ProducesErrors(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/ping", PingAsync)
            .RequireScope(Scopes.Write)
            .WithName("PostNetworkPing")
            .WithSummary("Ping an IP address from each targeted host.")
            .ProducesNodeOperationErrors()
            .ProducesErrors(StatusCodes.Status413PayloadTooLarge);

        group.MapGet("/dns/{interfaceName}", GetDnsAsync)
            .RequireScope(Scopes.Read)
            .WithName("GetNetworkDns")
            .WithSummary("DNS servers and search domains of one interface on each targeted host.")
            .ProducesNodeOperationErrors();

        group.MapPut("/dns", UpdateDnsAsync)
            .RequireScope(Scopes.Write)
            .WithName("PutNetworkDns")
            .WithSummary("Set DNS servers and search domains of one interface on each targeted host.")
            .ProducesNodeOperationErrors()
            .ProducesErrors(StatusCodes.Status413PayloadTooLarge);

        return routes;
    }

    private static async Task<Results<Ok<NodeResults<PingResult>>, JsonHttpResult<ErrorBody>>> PingAsync(
        PingRequest? request,
        NodeOperationRunner runner,
        IOptions<ApiServerOptions> options,
        CancellationToken cancellationToken,
        [FromQuery(Name = "target_hostname")] string? target = null)
    {
        if (request is null)
        {
            return ApiErrors.Invalid("body", "required: {\"address\":\"1.1.1.1\",\"count\":4}");
        }

        // The answer waits up to the job timeout: a ping that may take longer would only ever answer 504.
        var invalid = InputRules.Validate(request) ?? InputRules.PingWithin("count", request.Count, options.Value.JobTimeout.Value, "api.server.job_timeout");
        if (invalid is not null)
        {
            return ApiErrors.Invalid(invalid);
        }

        var data = JsonSerializer.SerializeToElement(request, HostOpsJsonContext.Default.PingRequest);
        var run = await runner.RunAsync(OperationTypes.PingDo, data, target, HostOpsJsonContext.Default.PingResult, null, cancellationToken);
        return run.Error is { } error ? error : TypedResults.Ok(run.Results);
    }

    private static async Task<Results<Ok<NodeResults<DnsConfig>>, JsonHttpResult<ErrorBody>>> GetDnsAsync(
        string interfaceName, NodeOperationRunner runner, CancellationToken cancellationToken, [FromQuery(Name = "target_hostname")] string? target = null)
    {
        if (InputRules.InterfaceName("interface_name", interfaceName) is { } invalid)
        {
            return ApiErrors.Invalid(invalid);
        }

        var data = JsonSerializer.SerializeToElement(new DnsGetRequest(interfaceName), HostOpsJsonContext.Default.DnsGetRequest);
        var run = await runner.RunAsync(OperationTypes.DnsGet, data, target, HostOpsJsonContext.Default.DnsConfig, null, cancellationToken);
        return run.Error is { } error ? error : TypedResults.Ok(run.Results);
    }

    private static async Task<Results<Accepted<NodeResults<DnsUpdateResult>>, JsonHttpResult<ErrorBody>>> UpdateDnsAsync(
        DnsUpdateRequest? request, NodeOperationRunner runner, CancellationToken cancellationToken, [FromQuery(Name = "target_hostname")] string? target = null)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        var data = JsonSerializer.SerializeToElement(request, HostOpsJsonContext.Default.DnsUpdateRequest);
        var run = await runner.RunAsync(
            OperationTypes.DnsUpdate,
            data,
            target,
            HostOpsJsonContext.Default.DnsUpdateResult,
            failed => new DnsUpdateResult(failed.Hostname, "failed", failed.Error ?? failed.Status),
            cancellationToken);
        return run.Error is { } error ? error : TypedResults.Accepted((string?)null, run.Results);
    }

    private static JsonHttpResult<ErrorBody>? Validate(DnsUpdateRequest? request) =>
        request is null
            ? ApiErrors.Invalid("body", "required: {\"interface_name\":\"eth0\",\"servers\":[\"1.1.1.1\"],\"search_domains\":[]}")
            : InputRules.Validate(request) is { } invalid ? ApiErrors.Invalid(invalid) : null;
}
