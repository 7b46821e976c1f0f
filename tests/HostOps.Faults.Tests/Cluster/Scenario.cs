using System.Diagnostics;

namespace HostOps.Faults.Tests.Cluster;

/// <summary>Runs a scenario body, then writes its figures (also when it failed) and fails with every broken guarantee.</summary>
public static class Scenario
{
    public static async Task RunAsync(string name, FaultCluster cluster, Func<ScenarioFigures, Checks, Task> body)
    {
        var figures = new ScenarioFigures(name);
        var checks = new Checks();
        if (cluster.StartupTime is { } startup)
        {
            figures.Add("deployment start", startup);
        }

        var clock = Stopwatch.StartNew();
        try
        {
            await body(figures, checks);
        }
        catch (Exception e)
        {
            figures.Add("scenario time", clock.Elapsed);
            figures.Write($"FAILED: {e.Message.Split('\n')[0]}");
            throw;
        }

        figures.Add("scenario time", clock.Elapsed);
        figures.Write(checks.Passed ? "passed" : $"FAILED: {checks.FirstFailure}");
        var nats = checks.Passed ? "" : await JobStoreInspector.DescribeAsync(cluster);
        if (checks.Lost.Count > 0)
        {
            nats += $"\nkeys of the first lost jobs:\n{await JobStoreInspector.KeysOfAsync(cluster, checks.Lost.Take(5))}";
        }

        checks.ThrowIfFailed(() => $"{nats}\n{cluster.Logs()}");
    }
}
