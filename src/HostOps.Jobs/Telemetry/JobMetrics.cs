using System.Diagnostics.Metrics;
using HostOps.Contracts.Jobs;

namespace HostOps.Jobs.Telemetry;

/// <summary>
/// The job counters of the API side: submitted by this API, and finished (seen by its job index) by operation, with
/// the time from submit to the terminal status. Instrument names are the metrics' names without the Prometheus
/// suffixes (<c>hostops.jobs.submitted</c> is scraped as <c>hostops_jobs_submitted_total</c>).
/// </summary>
public sealed class JobMetrics
{
    private readonly Counter<long> _submitted;
    private readonly Counter<long> _completed;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _duration;

    public JobMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(HostOpsTelemetry.JobsMeter);
        _submitted = meter.CreateCounter<long>("hostops.jobs.submitted", "{job}", "Jobs accepted by this API, by operation");
        _completed = meter.CreateCounter<long>("hostops.jobs.completed", "{job}", "Jobs that reached completed, by operation");
        _failed = meter.CreateCounter<long>("hostops.jobs.failed", "{job}", "Jobs that reached failed or partial_failure, by operation");
        _deadLettered = meter.CreateCounter<long>("hostops.jobs.dead_lettered", "{job}", "Jobs that reached dlq, by operation");
        _duration = meter.CreateHistogram<double>(
            "hostops.job.duration", "s", "Time from submit to the terminal status, by operation and status",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });
    }

    public void Submitted(string operation) => _submitted.Add(1, new KeyValuePair<string, object?>("operation", operation));

    /// <summary>A job's status moved to the terminal <paramref name="status"/> <paramref name="took"/> after it was submitted.</summary>
    public void Finished(string operation, string status, TimeSpan took)
    {
        var op = new KeyValuePair<string, object?>("operation", operation);
        var counter = status switch
        {
            JobStatus.Completed => _completed,
            JobStatus.Dlq => _deadLettered,
            _ => _failed,
        };
        counter.Add(1, op);
        _duration.Record(Math.Max(0, took.TotalSeconds), op, new KeyValuePair<string, object?>("status", status));
    }
}
