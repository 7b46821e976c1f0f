using System.Globalization;

namespace HostOps.Faults.Tests.Cluster;

/// <summary>One finished run of <c>test.record.do</c>, as its agent appended it to its record file.</summary>
public sealed record Execution(Guid JobId, int Attempt, int Pid, string Hostname, DateTimeOffset At)
{
    public override string ToString() => $"attempt {Attempt} on {Hostname} pid {Pid} at {At:HH:mm:ss.fff}";
}

/// <summary>The record files of all agents (<c>&lt;hostname&gt;.records</c>, one line per finished run).</summary>
public sealed class ExecutionRecords
{
    private ExecutionRecords(List<Execution> executions) => All = executions;

    public IReadOnlyList<Execution> All { get; }

    public static ExecutionRecords Read(string directory)
    {
        var executions = new List<Execution>();
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.GetFiles(directory, "*.records"))
            {
                foreach (var line in File.ReadAllLines(file))
                {
                    var f = line.Split('\t');
                    if (f.Length == 5 && Guid.TryParse(f[0], out var id))
                    {
                        executions.Add(new Execution(
                            id, int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture), f[3],
                            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(f[4], CultureInfo.InvariantCulture))));
                    }
                }
            }
        }

        return new ExecutionRecords(executions);
    }

    public ILookup<Guid, Execution> ByJob => All.ToLookup(e => e.JobId);

    /// <summary>Every (job, attempt) that ran to its end more than once, with its runs.</summary>
    public List<IGrouping<(Guid JobId, int Attempt), Execution>> Duplicates() =>
        All.GroupBy(e => (e.JobId, e.Attempt)).Where(g => g.Count() > 1).ToList();

    /// <summary>A readable list of at most <paramref name="max"/> duplicated attempts.</summary>
    public static string Describe(IEnumerable<IGrouping<(Guid JobId, int Attempt), Execution>> duplicates, int max = 15) =>
        string.Join("\n", duplicates.Take(max).Select(g => $"  job {g.Key.JobId} attempt {g.Key.Attempt} ran {g.Count()} times: {string.Join("; ", g)}"));
}
