using System.Diagnostics.Metrics;
using HostOps.Jobs.Telemetry;

namespace HostOps.Agent.Telemetry;

/// <summary>
/// Jobs as this agent runs them: the run time of each attempt by operation and outcome (<c>completed</c>, <c>failed</c>,
/// <c>retried</c> for a transient failure handed back), and the jobs it dead-lettered.
/// </summary>
public sealed class AgentMetrics
{
    private readonly Histogram<double> _runDuration;
    private readonly Counter<long> _deadLettered;

    public AgentMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(HostOpsTelemetry.AgentMeter);
        _runDuration = meter.CreateHistogram<double>(
            "hostops.agent.job.run.duration", "s", "Time this agent ran a job's operation, by operation and outcome",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });
        _deadLettered = meter.CreateCounter<long>("hostops.agent.jobs.dead_lettered", "{job}", "Jobs this agent dead-lettered, by operation");
    }

    public void Ran(string operation, string outcome, TimeSpan took) =>
        _runDuration.Record(
            took.TotalSeconds, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("outcome", outcome));

    public void DeadLettered(string operation) => _deadLettered.Add(1, new KeyValuePair<string, object?>("operation", operation));
}
