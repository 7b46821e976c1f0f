using HostOps.Api.Limits;
using Microsoft.AspNetCore.Diagnostics;

namespace HostOps.Api.Errors;

/// <summary>Gives bodiless 4xx/5xx answers (unknown route, wrong method) the error body.</summary>
internal static class StatusCodeResponses
{
    public static Task HandleAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var code = http.Response.StatusCode;
        var details = code switch
        {
            StatusCodes.Status404NotFound => $"no route for {http.Request.Method} {http.Request.Path}",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}",
            StatusCodes.Status413PayloadTooLarge => RequestBodyLimitMiddleware.TooLarge,
            _ => null,
        };
        return ApiErrors.WriteAsync(http, code, details);
    }
}
