using System.Globalization;
using Xunit;

namespace HostOps.Faults.Tests.Cluster;

/// <summary>
/// The figures of one scenario (jobs, executions, lost, duplicated, times to recover), written to the test output
/// and appended to <c>faults-figures.md</c> next to the test assembly (or <c>$HOSTOPS_FAULTS_FIGURES</c>),
/// also when the scenario fails.
/// </summary>
public sealed class ScenarioFigures(string scenario)
{
    private static readonly Lock FileLock = new();
    private readonly List<(string Name, string Value)> _figures = [];

    public static string FilePath =>
        Environment.GetEnvironmentVariable("HOSTOPS_FAULTS_FIGURES") is { Length: > 0 } path
            ? path
            : Path.Combine(AppContext.BaseDirectory, "faults-figures.md");

    public void Add(string name, object value) =>
        _figures.Add((name, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));

    public void Add(string name, TimeSpan value) => Add(name, $"{value.TotalSeconds:0.0} s");

    /// <summary>Writes the figures; <paramref name="outcome"/> is "passed" or the first line of the failure.</summary>
    public void Write(string outcome)
    {
        var line = $"| {scenario} | {outcome} | {string.Join("; ", _figures.Select(f => $"{f.Name}: {f.Value}"))} |";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        lock (FileLock)
        {
            File.AppendAllText(FilePath, $"{DateTimeOffset.UtcNow:u} {line}\n");
        }
    }
}
