using HostOps.Api.Errors;
using HostOps.Contracts.Errors;

namespace HostOps.Api.Endpoints;

/// <summary>Declares answers in the OpenAPI document with the descriptions the seed document uses.</summary>
internal static class ResponseMetadata
{
    private static readonly Dictionary<int, string> ErrorDescriptions = new()
    {
        [StatusCodes.Status400BadRequest] = "Invalid request; details name the field.",
        [StatusCodes.Status401Unauthorized] = ApiErrors.Unauthorized,
        [StatusCodes.Status403Forbidden] = ApiErrors.Forbidden,
        [StatusCodes.Status404NotFound] = "No such job.",
        [StatusCodes.Status409Conflict] = "The job is still running.",
        [StatusCodes.Status413PayloadTooLarge] = "Request body larger than 64 KiB.",
        [StatusCodes.Status429TooManyRequests] = "Too many failed authentications from this address; see Retry-After.",
        [StatusCodes.Status502BadGateway] = "No targeted host could run the operation; details carry their errors.",
        [StatusCodes.Status503ServiceUnavailable] = "NATS is not connected, did not answer in time, or refused the request (a full stream or bucket is named with its limit); details say which.",
        [StatusCodes.Status504GatewayTimeout] = "The job did not finish within api.server.job_timeout; details carry its id.",
    };

    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params int[] codes)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var code in codes)
        {
            builder.Produces<ErrorBody, TBuilder>(code, ErrorDescriptions.GetValueOrDefault(code, ApiErrors.Title(code)));
        }

        return builder;
    }

    /// <summary>The errors of an endpoint that runs one operation on the hosts: bad input, every host failed, job timeout.</summary>
    public static TBuilder ProducesNodeOperationErrors<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status502BadGateway, StatusCodes.Status504GatewayTimeout);

    public static TBuilder Produces<T, TBuilder>(this TBuilder builder, int code, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(code, typeof(T), ["application/json"]) { Description = description });
}
