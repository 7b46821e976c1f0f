using System.Text.RegularExpressions;
using HostOps.Contracts.Operations.Packages;

namespace HostOps.Providers.Packages;

/// <summary>
/// What HostOps reads from apt: the <c>Inst</c> lines of a simulation (<c>apt-get -s</c>), apt-cache policy's
/// <c>Candidate:</c>, and the <c>E:</c> line that says why apt-get failed.
/// </summary>
internal static partial class AptOutput
{
    /// <summary>
    /// The upgrades of <c>apt-get -s upgrade</c>: <c>Inst NAME [CURRENT] (NEW ARCHIVE… [ARCH])</c>. A line without
    /// <c>[CURRENT]</c> is a package newly installed, not an upgrade.
    /// </summary>
    public static List<PackageUpdate> Upgrades(string output)
    {
        var updates = new List<PackageUpdate>();
        foreach (Match match in UpgradeLine().Matches(output))
        {
            updates.Add(new PackageUpdate(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value));
        }

        return updates;
    }

    /// <summary>The version a simulated install of <paramref name="name"/> would give (its <c>Inst</c> line); null when none.</summary>
    public static string? Installs(string output, string name) =>
        InstallLine().Matches(output).FirstOrDefault(m => m.Groups[1].Value == name || m.Groups[1].Value.StartsWith(name + ":", StringComparison.Ordinal))
            ?.Groups[2].Value;

    /// <summary><c>Candidate: 2.10-3</c> of <c>apt-cache policy</c>; null for <c>(none)</c> or a package apt does not know.</summary>
    public static string? Candidate(string output)
    {
        var match = CandidateLine().Match(output);
        return match.Success && match.Groups[1].Value != "(none)" ? match.Groups[1].Value : null;
    }

    /// <summary>Why apt-get failed: its <c>E:</c> lines (one reason may take several), else the usual first line.</summary>
    public static string Reason(Commands.CommandResult result)
    {
        var errors = (result.StandardError + "\n" + result.StandardOutput)
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("E: ", StringComparison.Ordinal))
            .Select(l => l[3..])
            .Distinct()
            .ToList();
        return errors.Count > 0 ? string.Join("; ", errors) : result.Reason;
    }

    [GeneratedRegex(@"^Inst (\S+) \[([^\]]+)\] \((\S+)", RegexOptions.Multiline)]
    private static partial Regex UpgradeLine();

    [GeneratedRegex(@"^Inst (\S+) (?:\[[^\]]+\] )?\((\S+)", RegexOptions.Multiline)]
    private static partial Regex InstallLine();

    [GeneratedRegex(@"^\s*Candidate:\s*(\S+)", RegexOptions.Multiline)]
    private static partial Regex CandidateLine();
}
