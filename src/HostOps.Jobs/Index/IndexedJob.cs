using HostOps.Contracts.Jobs;
using HostOps.Jobs.Status;

namespace HostOps.Jobs.Index;

/// <summary>One job as the index holds it: its definition, its events by key, and the status they give.</summary>
public sealed class IndexedJob
{
    private readonly Dictionary<string, JobEvent> _events = new(StringComparer.Ordinal);

    public IndexedJob(JobDefinition definition)
    {
        Definition = definition;
        View = JobStatusCalculator.Compute(definition, []);
    }

    public JobDefinition Definition { get; }

    public JobStatusView View { get; private set; }

    public IReadOnlyCollection<JobEvent> Events => _events.Values;

    /// <summary>Records an event (a rewrite of the same key replaces it) and recomputes the status.</summary>
    public void Apply(string key, JobEvent? jobEvent)
    {
        if (jobEvent is null)
        {
            _events.Remove(key);
        }
        else
        {
            _events[key] = jobEvent;
        }

        View = JobStatusCalculator.Compute(Definition, _events.Values);
    }
}
