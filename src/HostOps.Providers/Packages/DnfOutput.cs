using HostOps.Contracts.Operations.Packages;

namespace HostOps.Providers.Packages;

/// <summary>
/// <c>dnf check-update</c>'s list (exit 100 when it has entries): <c>NAME.ARCH  VERSION-RELEASE  REPOSITORY</c> a
/// line, columns padded with spaces; a name too long for its column puts the rest on the next line. The list ends
/// at dnf's <c>Obsoleting Packages</c> section. Current versions come from rpm, by name and architecture.
/// </summary>
internal static class DnfOutput
{
    public static List<PackageUpdate> Upgrades(string output, IReadOnlyList<InstalledPackage> installed)
    {
        var current = installed
            .GroupBy(p => (p.Name, p.Architecture))
            .ToDictionary(g => g.Key, g => g.Last().Version);
        var updates = new List<PackageUpdate>();
        var words = new List<string>();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("Obsoleting Packages", StringComparison.Ordinal))
            {
                break;
            }

            words.AddRange(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (words.Count == 1 && words[0].Contains('.', StringComparison.Ordinal))
            {
                continue; // a long NAME.ARCH: its version and repository are on the next line
            }

            if (words.Count == 3 && words[0].LastIndexOf('.') is > 0 and var dot)
            {
                var (name, architecture) = (words[0][..dot], words[0][(dot + 1)..]);
                if (current.TryGetValue((name, architecture), out var version))
                {
                    updates.Add(new PackageUpdate(name, version, words[1]));
                }
            }

            words.Clear();
        }

        return updates;
    }
}
