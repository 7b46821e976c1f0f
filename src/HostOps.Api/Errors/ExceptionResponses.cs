using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using NATS.Client.Core;

namespace HostOps.Api.Errors;

/// <summary>
/// Turns exceptions into error bodies. Messages of framework exceptions name CLR types
/// (<c>System.Nullable`1[System.Int32]</c>), so none of them is passed through: only the JSON path is kept.
/// </summary>
internal static partial class ExceptionResponses
{
    public static async Task HandleAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var (code, details) = Describe(exception);
        if (code == StatusCodes.Status500InternalServerError)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("HostOps.Api.Errors");
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
        }

        await ApiErrors.WriteAsync(context, code, details);
    }

    internal static (int Code, string? Details) Describe(Exception? exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } =>
            (StatusCodes.Status400BadRequest, $"{FieldOf(json.Path)}: malformed JSON or wrong value type"),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
            (StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json"),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (StatusCodes.Status413PayloadTooLarge, null),
        BadHttpRequestException => (StatusCodes.Status400BadRequest, "body: the request could not be read"),
        NatsException => (StatusCodes.Status503ServiceUnavailable, "NATS is not reachable"),
        _ => (StatusCodes.Status500InternalServerError, null),
    };

    /// <summary><c>$.operation.type</c> → <c>operation.type</c>; the root (a syntax error before any field) → <c>body</c>.</summary>
    internal static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception? exception, string method, string path);
}
