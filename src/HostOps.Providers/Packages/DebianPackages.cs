using System.Text.RegularExpressions;
using HostOps.Contracts.Operations.Packages;
using HostOps.Providers.Commands;

namespace HostOps.Providers.Packages;

/// <summary>
/// Debian and Ubuntu: dpkg-query reads the installed packages, apt-cache policy the candidate, <c>apt-get -s</c>
/// simulates (pending upgrades, a dry-run install) and apt-get installs, removes and upgrades, without questions
/// (<c>DEBIAN_FRONTEND=noninteractive</c>, changed configuration files kept as they are), waiting for another
/// apt or dpkg to let go of its lock. Names and versions go after <c>--</c>.
/// </summary>
[HostProvider]
public sealed partial class DebianPackages(ICommandRunner runner) : IPackageManager
{
    private static readonly string[] ChangeOptions =
    [
        "-y", "-q",
        "-o", "Dpkg::Options::=--force-confdef",
        "-o", "Dpkg::Options::=--force-confold",
        "-o", "DPkg::Lock::Timeout=300",
    ];

    public string Name => "dpkg";

    public string? RefuseName(string field, string name) =>
        DebianName().IsMatch(name) ? null : $"{field}: '{name}' is not a Debian package name (2-128 of a-z 0-9 + . -, starting with a letter or digit)";

    public bool IsVersion(InstalledPackage installed, string version) => installed.Version == version;

    public async Task<IReadOnlyList<InstalledPackage>> ListAsync(CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync("dpkg-query", ["-W", "-f=" + PackageQueryOutput.DpkgFormat], PackageCommands.Read, cancellationToken);
        return result.Succeeded
            ? PackageQueryOutput.ParseDpkg(result.StandardOutput)
            : throw new HostProviderException($"dpkg-query failed: {result.Reason}");
    }

    public async Task<InstalledPackage?> FindAsync(string name, CancellationToken cancellationToken)
    {
        // Exit 1 with "no packages found matching" on stderr when dpkg has never heard of the package.
        var result = await runner.RunAsync("dpkg-query", ["-W", "-f=" + PackageQueryOutput.DpkgFormat, "--", name], PackageCommands.Read, cancellationToken);
        if (!result.Succeeded && !result.StandardError.Contains("no packages found", StringComparison.Ordinal))
        {
            throw new HostProviderException($"dpkg-query failed: {result.Reason}");
        }

        return PackageQueryOutput.ParseDpkg(result.StandardOutput).FirstOrDefault(p => p.Name == name);
    }

    public async Task<string?> CandidateAsync(string name, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync("apt-cache", ["policy", "--", name], PackageCommands.Read, cancellationToken);
        return result.Succeeded ? AptOutput.Candidate(result.StandardOutput) : null;
    }

    public async Task<IReadOnlyList<PackageUpdate>> PendingAsync(CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync("apt-get", ["-s", "-q", "upgrade"], PackageCommands.Read, cancellationToken);
        return result.Succeeded
            ? AptOutput.Upgrades(result.StandardOutput)
            : throw new HostProviderException($"apt-get -s upgrade failed: {AptOutput.Reason(result)}");
    }

    public async Task<string?> CheckInstallAsync(string name, string? version, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(
            "apt-get", ["-s", "-q", "install", "--no-install-recommends", "--", Target(name, version)], PackageCommands.Read, cancellationToken);
        return result.Succeeded
            ? AptOutput.Installs(result.StandardOutput, name) ?? version
            : throw new HostProviderException($"apt-get cannot install {Target(name, version)}: {AptOutput.Reason(result)}");
    }

    public Task InstallAsync(string name, string? version, CancellationToken cancellationToken) =>
        ChangeAsync("install", ["install", .. ChangeOptions, "--no-install-recommends", "--", Target(name, version)], cancellationToken);

    public Task RemoveAsync(string name, CancellationToken cancellationToken) =>
        ChangeAsync("remove", ["remove", .. ChangeOptions, "--", name], cancellationToken);

    public Task UpgradeAsync(IReadOnlyList<string>? names, CancellationToken cancellationToken) =>
        names is null
            ? ChangeAsync("upgrade", ["upgrade", .. ChangeOptions], cancellationToken)
            : ChangeAsync("install --only-upgrade", ["install", "--only-upgrade", .. ChangeOptions, "--no-install-recommends", "--", .. names], cancellationToken);

    private async Task ChangeAsync(string what, string[] arguments, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync("apt-get", arguments, PackageCommands.Change, cancellationToken);
        if (!result.Succeeded)
        {
            throw new HostProviderException($"apt-get {what} failed: {AptOutput.Reason(result)}");
        }
    }

    private static string Target(string name, string? version) => version is null ? name : $"{name}={version}";

    [GeneratedRegex("^[a-z0-9][a-z0-9+.-]{1,127}\\z")]
    private static partial Regex DebianName();
}
