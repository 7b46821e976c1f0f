using HostOps.Contracts.Errors;

namespace HostOps.Api.Endpoints;

/// <summary>Declares error answers in the OpenAPI document; the auth ones (401/403) are added for every secured endpoint.</summary>
internal static class ErrorResponseMetadata
{
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params int[] codes)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var code in codes)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(code, typeof(ErrorBody), ["application/json"]));
        }

        return builder;
    }
}
