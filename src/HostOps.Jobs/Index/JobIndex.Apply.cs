using System.Text.Json;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using HostOps.Jobs.Store;
using NATS.Client.KeyValueStore;

namespace HostOps.Jobs.Index;

public sealed partial class JobIndex
{
    private void Apply(NatsKVEntry<byte[]> entry)
    {
        var isPut = entry.Operation == NatsKVOperation.Put;
        var released = new List<TaskCompletionSource>();
        var finished = new List<(TaskCompletionSource<IndexedJob?> Waiter, IndexedJob? Job)>();
        lock (_gate)
        {
            if (JobKeys.TryParse(entry.Key, out var id, out var isDefinition))
            {
                if (isDefinition)
                {
                    ApplyDefinition(id, isPut ? Read(entry.Value, HostOpsJsonContext.Default.JobDefinition) : null);
                }
                else if (_jobs.TryGetValue(id, out var job))
                {
                    Reindex(job, () => job.Apply(entry.Key, isPut ? Read(entry.Value, HostOpsJsonContext.Default.JobEvent) : null));
                }

                CollectFinished(id, finished);
            }

            _revision = Math.Max(_revision, entry.Revision);
            _revisionWaiters.RemoveAll(w =>
            {
                var reached = w.Revision <= _revision;
                if (reached)
                {
                    released.Add(w.Done);
                }

                return reached;
            });
        }

        released.ForEach(done => done.TrySetResult());
        finished.ForEach(f => f.Waiter.TrySetResult(f.Job));
    }

    private void ApplyDefinition(Guid id, JobDefinition? definition)
    {
        if (_jobs.Remove(id, out var old))
        {
            Unindex(old);
        }

        if (definition is not null)
        {
            var job = new IndexedJob(definition);
            _jobs[id] = job;
            Index(job);
        }
    }

    // An event can only change a job's status: move it between status sets, and only when the status moved.
    private void Reindex(IndexedJob job, Action change)
    {
        var before = job.View.Status;
        change();
        var after = job.View.Status;
        if (before != after)
        {
            var order = new JobOrder(job.Definition.Created, job.Definition.Id);
            _byStatus[before].Remove(order);
            _byStatus[after].Add(order);
        }
    }

    private void Index(IndexedJob job)
    {
        var order = new JobOrder(job.Definition.Created, job.Definition.Id);
        _all.Add(order);
        _byStatus[job.View.Status].Add(order);
        _operationCounts[job.Definition.Operation.Type] = _operationCounts.GetValueOrDefault(job.Definition.Operation.Type) + 1;
    }

    private void Unindex(IndexedJob job)
    {
        var order = new JobOrder(job.Definition.Created, job.Definition.Id);
        _all.Remove(order);
        _byStatus[job.View.Status].Remove(order);
        var type = job.Definition.Operation.Type;
        if (_operationCounts.TryGetValue(type, out var count))
        {
            if (count <= 1)
            {
                _operationCounts.Remove(type);
            }
            else
            {
                _operationCounts[type] = count - 1;
            }
        }
    }

    private void CollectFinished(Guid id, List<(TaskCompletionSource<IndexedJob?>, IndexedJob?)> finished)
    {
        if (!_terminalWaiters.TryGetValue(id, out var waiters))
        {
            return;
        }

        var job = _jobs.GetValueOrDefault(id);
        if (job is null || JobStatus.IsTerminal(job.View.Status))
        {
            finished.AddRange(waiters.Select(w => (w, job)));
            _terminalWaiters.Remove(id);
        }
    }

    private static T? Read<T>(byte[]? value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (value is null || value.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(value, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
