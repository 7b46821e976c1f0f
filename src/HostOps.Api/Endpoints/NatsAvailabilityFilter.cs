using HostOps.Api.Errors;
using NATS.Client.Core;

namespace HostOps.Api.Endpoints;

/// <summary>
/// Answers 503 at once while the NATS connection is down, instead of letting a request wait on a dead
/// connection until some client timeout; the job, system and network endpoints all need NATS.
/// </summary>
internal sealed class NatsAvailabilityFilter(INatsConnection connection) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        connection.ConnectionState == NatsConnectionState.Open
            ? next(context)
            : ValueTask.FromResult<object?>(ApiErrors.Status(StatusCodes.Status503ServiceUnavailable, $"NATS is not connected ({connection.ConnectionState})"));
}
