namespace HostOps.Api.Endpoints;

/// <summary>Requires a scope and declares the answers that come with it (401, 403, 429) in the OpenAPI document.</summary>
internal static class ScopeRequirement
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder
            .RequireAuthorization(scope)
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests);
}
