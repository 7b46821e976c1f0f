using HostOps.Contracts.Errors;
using HostOps.Contracts.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HostOps.Api.Errors;

/// <summary>The error bodies the API answers with; one place so every 4xx/5xx looks the same.</summary>
internal static class ApiErrors
{
    public const string Unauthorized = "Unauthorized - API key required.";
    public const string Forbidden = "Forbidden - Insufficient permissions.";

    public static ErrorBody Body(int code, string? details = null, string? error = null) =>
        new(error ?? Title(code), details, code);

    /// <summary>400 naming the field: <c>{"error":"Invalid request","details":"count: must be 1-100"}</c>.</summary>
    public static JsonHttpResult<ErrorBody> Invalid(string field, string message) =>
        Status(StatusCodes.Status400BadRequest, $"{field}: {message}");

    /// <summary>400 for a message that already names its field, as <c>InputRules</c> and the job client word them.</summary>
    public static JsonHttpResult<ErrorBody> Invalid(string fieldMessage) => Status(StatusCodes.Status400BadRequest, fieldMessage);

    /// <summary>400 from a field and a message, unless the message already starts with a field name of its own.</summary>
    public static JsonHttpResult<ErrorBody> InvalidField(string field, string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        var prefixed = colon > 0 && !message.AsSpan(0, colon).ContainsAny(' ', '\'');
        return Invalid(prefixed ? message : $"{field}: {message}");
    }

    public static JsonHttpResult<ErrorBody> NotFound(string details) => Status(StatusCodes.Status404NotFound, details);

    public static JsonHttpResult<ErrorBody> Status(int code, string? details = null, string? error = null) =>
        TypedResults.Json(Body(code, details, error), HostOpsJsonContext.Default.ErrorBody, statusCode: code);

    public static Task WriteAsync(HttpContext context, int code, string? details = null, string? error = null)
    {
        context.Response.StatusCode = code;
        return context.Response.WriteAsJsonAsync(Body(code, details, error), HostOpsJsonContext.Default.ErrorBody, cancellationToken: context.RequestAborted);
    }

    public static string Title(int code) => code switch
    {
        StatusCodes.Status400BadRequest => "Invalid request",
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status405MethodNotAllowed => "Method not allowed",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status429TooManyRequests => "Too many authentication failures",
        StatusCodes.Status500InternalServerError => "Internal server error",
        StatusCodes.Status502BadGateway => "Operation failed",
        StatusCodes.Status503ServiceUnavailable => "Service unavailable",
        StatusCodes.Status504GatewayTimeout => "Job did not complete in time",
        _ => code >= 500 ? "Server error" : "Request error",
    };
}
