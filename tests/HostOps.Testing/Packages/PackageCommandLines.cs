namespace HostOps.Testing.Packages;

/// <summary>
/// The command lines the package providers run, as <see cref="Fakes.FakeCommandRunner"/> keys them (program and
/// arguments joined by spaces; the query formats hold a literal <c>\t</c> that dpkg-query and rpm expand).
/// </summary>
public static class PackageCommandLines
{
    public const string DpkgList = "dpkg-query -W -f=${Package}\\t${Version}\\t${Architecture}\\t${db:Status-Abbrev}\\t${binary:Summary}\\n";

    public const string AptPending = "apt-get -s -q upgrade";

    public const string AptOptions = "-y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold -o DPkg::Lock::Timeout=300";

    public const string AptUpgrade = "apt-get upgrade " + AptOptions;

    public const string RpmList = "rpm -qa --queryformat %{NAME}\\t%{VERSION}-%{RELEASE}\\t%{ARCH}\\t%{SUMMARY}\\n";

    public const string DnfPending = "dnf check-update -q";

    public static string DpkgFind(string name) => $"{DpkgList} -- {name}";

    public static string AptPolicy(string name) => $"apt-cache policy -- {name}";

    public static string AptSimulateInstall(string target) => $"apt-get -s -q install --no-install-recommends -- {target}";

    public static string AptInstall(string target) => $"apt-get install {AptOptions} --no-install-recommends -- {target}";

    public static string AptRemove(string name) => $"apt-get remove {AptOptions} -- {name}";

    public static string AptUpgradeOnly(params string[] names) => $"apt-get install --only-upgrade {AptOptions} --no-install-recommends -- {string.Join(' ', names)}";

    public static string RpmFind(string name) => $"rpm -q --queryformat %{{NAME}}\\t%{{VERSION}}-%{{RELEASE}}\\t%{{ARCH}}\\t%{{SUMMARY}}\\n -- {name}";
}
