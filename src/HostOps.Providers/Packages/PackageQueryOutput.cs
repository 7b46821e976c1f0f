using HostOps.Contracts.Operations.Packages;

namespace HostOps.Providers.Packages;

/// <summary>
/// The tab-separated lines HostOps asks dpkg-query and rpm for (<see cref="DpkgFormat"/>, <see cref="RpmFormat"/>):
/// one package a line, the summary last (it may be empty, and tabs cannot occur in the fields before it).
/// </summary>
internal static class PackageQueryOutput
{
    /// <summary><c>dpkg-query -W -f=</c>: name, version, architecture, status (<c>ii</c>…), summary.</summary>
    public const string DpkgFormat = "${Package}\\t${Version}\\t${Architecture}\\t${db:Status-Abbrev}\\t${binary:Summary}\\n";

    /// <summary><c>rpm --queryformat</c>: name, version-release, architecture, summary.</summary>
    public const string RpmFormat = "%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{ARCH}\\t%{SUMMARY}\\n";

    /// <summary>
    /// The installed packages of dpkg-query's answer. dpkg also knows packages that are removed but keep their
    /// configuration (<c>rc</c>), or half-installed; only the second status letter <c>i</c> (installed: <c>ii</c>,
    /// or held <c>hi</c>) counts as installed.
    /// </summary>
    public static List<InstalledPackage> ParseDpkg(string output)
    {
        var packages = new List<InstalledPackage>();
        foreach (var line in Lines(output))
        {
            var fields = line.Split('\t', 5);
            if (fields.Length == 5 && fields[3].Length >= 2 && fields[3][1] == 'i')
            {
                packages.Add(new InstalledPackage(fields[0], fields[1], fields[2], Summary(fields[4])));
            }
        }

        return packages;
    }

    /// <summary>rpm's packages, without the <c>gpg-pubkey</c> entries rpm keeps for imported signing keys.</summary>
    public static List<InstalledPackage> ParseRpm(string output)
    {
        var packages = new List<InstalledPackage>();
        foreach (var line in Lines(output))
        {
            var fields = line.Split('\t', 4);
            if (fields.Length == 4 && fields[0] != "gpg-pubkey")
            {
                packages.Add(new InstalledPackage(fields[0], fields[1], fields[2], Summary(fields[3])));
            }
        }

        return packages;
    }

    private static IEnumerable<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'));

    private static string? Summary(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
