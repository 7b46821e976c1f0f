using System.Diagnostics.Metrics;
using HostOps.Jobs.Telemetry;

namespace HostOps.Api.Telemetry;

/// <summary>The API's refusals: failed authentication or authorization (401, 403) and throttled requests (429).</summary>
public sealed class RefusalMetrics
{
    private readonly Counter<long> _authFailures;
    private readonly Counter<long> _throttled;

    public RefusalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(HostOpsTelemetry.ApiMeter);
        _authFailures = meter.CreateCounter<long>("hostops.http.auth_failures", "{request}", "Requests answered 401 or 403, by code");
        _throttled = meter.CreateCounter<long>("hostops.http.throttled", "{request}", "Requests answered 429");
    }

    public void Answered(int statusCode)
    {
        switch (statusCode)
        {
            case StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden:
                _authFailures.Add(1, new KeyValuePair<string, object?>("code", statusCode));
                break;
            case StatusCodes.Status429TooManyRequests:
                _throttled.Add(1);
                break;
        }
    }
}

/// <summary>Counts each refused answer in <see cref="RefusalMetrics"/>, whichever part of the pipeline gave it.</summary>
internal sealed class RefusalMetricsMiddleware(RequestDelegate next, RefusalMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        metrics.Answered(context.Response.StatusCode);
    }
}
