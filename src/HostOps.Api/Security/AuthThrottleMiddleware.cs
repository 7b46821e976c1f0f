using System.Globalization;
using HostOps.Api.Errors;
using Microsoft.AspNetCore.Authorization;

namespace HostOps.Api.Security;

/// <summary>
/// Answers 429 with <c>Retry-After</c> to a locked-out address before its token is even looked at. Only endpoints
/// that need a token are guarded, so <c>/health</c> stays reachable for load balancers.
/// </summary>
internal sealed class AuthThrottleMiddleware(RequestDelegate next, AuthFailureThrottle throttle)
{
    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var guarded = endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null
            && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
        if (!guarded || throttle.RetryAfter(AuthFailureThrottle.ClientKey(context)) is not { } wait)
        {
            return next(context);
        }

        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ApiErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, $"retry after {seconds} s");
    }
}
