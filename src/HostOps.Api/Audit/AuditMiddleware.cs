using System.Diagnostics;

namespace HostOps.Api.Audit;

/// <summary>
/// Times every request and hands the audited ones to <see cref="AuditRecorder"/> once answered. It sits before
/// the auth throttle, authentication and authorization, so their refusals (429, 401, 403) are seen too.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next, AuditRecorder recorder, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!recorder.Enabled)
        {
            await next(context);
            return;
        }

        var at = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        catch when (!context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError; // what the exception handler will answer
            throw;
        }
        finally
        {
            if (AuditRecorder.Audits(context))
            {
                recorder.Record(context, at, Stopwatch.GetElapsedTime(started));
            }
        }
    }
}
