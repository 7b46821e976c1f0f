using HostOps.Providers.Commands;

namespace HostOps.Providers.Packages;

/// <summary>
/// How the package tools run: in the C locale (their output is parsed), apt without questions, and with time limits
/// of their own: a read may refresh metadata, a change downloads and runs maintainer scripts, and a package manager
/// stopped half-way leaves the host worse than a slow one.
/// </summary>
internal static class PackageCommands
{
    public static readonly CommandOptions Read = new()
    {
        Environment = new Dictionary<string, string> { ["LC_ALL"] = "C" },
        Timeout = TimeSpan.FromMinutes(5),
    };

    public static readonly CommandOptions Change = new()
    {
        Environment = new Dictionary<string, string> { ["LC_ALL"] = "C", ["DEBIAN_FRONTEND"] = "noninteractive" },
        Timeout = TimeSpan.FromHours(1),
    };
}
