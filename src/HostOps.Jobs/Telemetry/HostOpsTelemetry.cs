using System.Diagnostics;

namespace HostOps.Jobs.Telemetry;

/// <summary>
/// The names HostOps measures and traces under, in one place: each component's <see cref="System.Diagnostics.Metrics.Meter"/>
/// (its instruments are named in that component's metrics class), and the one <see cref="ActivitySource"/> of its
/// spans. docs/metrics.md lists every instrument.
/// </summary>
public static class HostOpsTelemetry
{
    /// <summary>Jobs as the API sees them (submitted, finished, queue depth), live agents, NATS connections.</summary>
    public const string JobsMeter = "HostOps.Jobs";

    /// <summary>Jobs as an agent runs them.</summary>
    public const string AgentMeter = "HostOps.Agent";

    /// <summary>Refused HTTP requests (401, 403, 429).</summary>
    public const string ApiMeter = "HostOps.Api";

    /// <summary>ASP.NET Core's own meter; its instruments are exported renamed into the <c>hostops</c> namespace.</summary>
    public const string AspNetCoreMeter = "Microsoft.AspNetCore.Hosting";

    public const string SourceName = "HostOps";

    /// <summary>The W3C trace context header a job notification carries from submit to the agent.</summary>
    public const string TraceParentHeader = "traceparent";

    public static readonly string[] Meters = [JobsMeter, AgentMeter, ApiMeter, AspNetCoreMeter];

    /// <summary>The spans: <c>job.submit</c> (API), <c>job.run</c> and <c>provider.call</c> (agent). None without a listener.</summary>
    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The current span as a <c>traceparent</c> value, or null when nothing is traced (no listener).</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, IsAllDataRequested: true } activity ? activity.Id : null;
}
