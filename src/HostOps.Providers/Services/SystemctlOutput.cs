using System.Globalization;

namespace HostOps.Providers.Services;

/// <summary>
/// Reads what <c>systemctl</c> prints for machines: <c>show</c>'s <c>Key=value</c> blocks (one per unit, separated
/// by an empty line) and the first columns of <c>list-units --plain --no-legend</c> and
/// <c>list-unit-files --no-legend</c>.
/// </summary>
public static class SystemctlOutput
{
    /// <summary>The properties <see cref="Show"/> reads.</summary>
    public const string ShowProperties = "Id,LoadState,ActiveState,SubState,UnitFileState,Description,MainPID,ActiveEnterTimestamp,CanReload";

    /// <summary>One <see cref="ServiceState"/> per block of <c>systemctl show --property=…</c>, in order.</summary>
    public static IReadOnlyList<ServiceState> Show(string output)
    {
        var states = new List<ServiceState>();
        var block = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n').Append(""))
        {
            var text = line.TrimEnd('\r');
            if (text.Length == 0)
            {
                if (block.TryGetValue("Id", out var id) && id.Length > 0)
                {
                    states.Add(State(id, block));
                }

                block.Clear();
                continue;
            }

            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                block[text[..equals]] = text[(equals + 1)..];
            }
        }

        return states;
    }

    /// <summary>The unit names of <c>list-units --plain --no-legend</c> (the first column; a leading ● of older versions is skipped).</summary>
    public static IEnumerable<string> ListedUnits(string output) =>
        Rows(output).Select(columns => columns[0] is "●" or "*" && columns.Length > 1 ? columns[1] : columns[0])
            .Where(name => name.EndsWith(".service", StringComparison.Ordinal));

    /// <summary>The services of <c>list-unit-files --no-legend</c> that are units of their own: no templates (<c>getty@.service</c>) and no aliases.</summary>
    public static IEnumerable<string> UnitFiles(string output) =>
        Rows(output).Where(columns => columns.Length >= 2 && columns[1] != "alias")
            .Select(columns => columns[0])
            .Where(name => name.EndsWith(".service", StringComparison.Ordinal) && !name.EndsWith("@.service", StringComparison.Ordinal));

    private static IEnumerable<string[]> Rows(string output) =>
        output.Split('\n').Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Where(c => c.Length > 0);

    private static ServiceState State(string id, Dictionary<string, string> block) => new(
        id,
        Value(block, "LoadState"),
        Value(block, "ActiveState"),
        Value(block, "SubState"),
        Value(block, "UnitFileState"),
        Value(block, "Description"),
        int.TryParse(Value(block, "MainPID"), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null,
        Value(block, "ActiveEnterTimestamp"),
        Value(block, "CanReload") == "yes");

    // An empty value, or systemd's "n/a" for a timestamp that never happened, is no value.
    private static string? Value(Dictionary<string, string> block, string key) =>
        block.TryGetValue(key, out var value) && value.Length > 0 && value != "n/a" ? value : null;
}
