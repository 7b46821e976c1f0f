using System.Text.Json;
using HostOps.Api.Limits;
using HostOps.Jobs.Store;
using Microsoft.AspNetCore.Diagnostics;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;

namespace HostOps.Api.Errors;

/// <summary>
/// Turns exceptions into error bodies. Messages of framework exceptions name CLR types
/// (<c>System.Nullable`1[System.Int32]</c>), so none of them is passed through: only the JSON path is kept.
/// A NATS failure is 503 with its reason — not connected, JetStream refused (a full stream names itself and its
/// limit), no answer in time — and never 500; "not connected" is only said when the connection is down.
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

        var state = context.RequestServices.GetService<INatsConnection>()?.ConnectionState ?? NatsConnectionState.Open;
        var (code, details) = Describe(exception, state);
        if (StoreFull.Suspected(exception) && context.RequestServices.GetService<JobBuckets>() is { } buckets)
        {
            details = await StoreFull.DescribeAsync(buckets, ambiguous: exception is NatsKVKeyNotFoundException, context.RequestAborted) ?? details;
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("HostOps.Api.Errors");
        if (code == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
        }
        else if (code == StatusCodes.Status503ServiceUnavailable)
        {
            LogUnavailable(logger, context.Request.Method, context.Request.Path, details ?? "", exception);
        }

        await ApiErrors.WriteAsync(context, code, details);
    }

    /// <summary>The status and details for an exception, given the NATS connection's state at the time.</summary>
    internal static (int Code, string? Details) Describe(Exception? exception, NatsConnectionState state) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } =>
            (StatusCodes.Status400BadRequest, $"{FieldOf(json.Path)}: malformed JSON or wrong value type"),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
            (StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json"),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (StatusCodes.Status413PayloadTooLarge, RequestBodyLimitMiddleware.TooLarge),
        BadHttpRequestException => (StatusCodes.Status400BadRequest, "body: the request could not be read"),
        JobStoreFullException full => (StatusCodes.Status503ServiceUnavailable, full.Message),
        _ when IsNats(exception) && state != NatsConnectionState.Open =>
            (StatusCodes.Status503ServiceUnavailable, $"NATS is not connected ({state})"),
        NatsKVKeyNotFoundException => (StatusCodes.Status503ServiceUnavailable, "JetStream refused a job write"),
        _ when StoreFull.Suspected(exception) => (StatusCodes.Status503ServiceUnavailable, StoreFull.Unknown),
        NatsJSApiException api =>
            (StatusCodes.Status503ServiceUnavailable, $"JetStream refused the request: {api.Error.Description} (error {api.Error.ErrCode})"),
        NatsNoRespondersException or NatsJSPublishNoResponseException =>
            (StatusCodes.Status503ServiceUnavailable, "JetStream did not answer: no stream or JetStream service for the request (is JetStream enabled?)"),
        NatsJSApiNoResponseException or NatsJSTimeoutException or NatsNoReplyException or TimeoutException =>
            (StatusCodes.Status503ServiceUnavailable, "NATS did not answer in time"),
        OperationCanceledException => (StatusCodes.Status503ServiceUnavailable, "NATS did not answer in time (the wait was cancelled)"),
        NatsException => (StatusCodes.Status503ServiceUnavailable, "a NATS request failed"),
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

    private static bool IsNats(Exception? exception) => exception is NatsException or TimeoutException or OperationCanceledException;

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception? exception, string method, string path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string reason, Exception? exception);
}
