using System.Diagnostics.Metrics;
using HostOps.Contracts.Jobs;
using HostOps.Jobs.Agents;
using HostOps.Jobs.Index;

namespace HostOps.Jobs.Telemetry;

/// <summary>
/// Gauges read at scrape time from the watch-fed views: jobs per status and dead letters from the
/// <see cref="JobIndex"/>'s exact counters, live agents from the <see cref="AgentDirectory"/>. Nothing is scanned.
/// </summary>
public sealed class JobQueueGauges
{
    public JobQueueGauges(IMeterFactory meters, JobIndex index, AgentDirectory agents)
    {
        var meter = meters.Create(HostOpsTelemetry.JobsMeter);
        meter.CreateObservableGauge(
            "hostops.queue.depth",
            () => JobStatus.All.Select(s => new Measurement<int>(index.CountOf(s), new KeyValuePair<string, object?>("status", s))),
            "{job}", "Jobs in the job bucket by current status");
        meter.CreateObservableGauge("hostops.dlq.size", () => index.CountOf(JobStatus.Dlq), "{job}", "Jobs whose status is dlq (dead-lettered, not retried)");
        meter.CreateObservableGauge("hostops.agents.live", agents.LiveCount, "{agent}", "Agents whose heartbeat is alive");
    }
}
