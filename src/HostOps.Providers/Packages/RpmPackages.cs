using HostOps.Contracts.Operations.Packages;
using HostOps.Providers.Commands;

namespace HostOps.Providers.Packages;

/// <summary>
/// RHEL, Fedora and their kin: rpm reads the installed packages, <c>dnf check-update</c> the pending upgrades (exit
/// 100 when there are some), and dnf installs, removes and upgrades with <c>-y</c>. dnf has no cheap candidate or
/// install simulation (both may fetch metadata), so a dry run trusts the name. Names go after <c>--</c>.
/// </summary>
[HostProvider]
public sealed class RpmPackages(ICommandRunner runner) : IPackageManager
{
    private const int UpdatesAvailable = 100;

    public string Name => "rpm";

    public string? RefuseName(string field, string name) => null;

    public bool IsVersion(InstalledPackage installed, string version) =>
        installed.Version == version || installed.Version.StartsWith(version + "-", StringComparison.Ordinal);

    public async Task<IReadOnlyList<InstalledPackage>> ListAsync(CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync("rpm", ["-qa", "--queryformat", PackageQueryOutput.RpmFormat], PackageCommands.Read, cancellationToken);
        return result.Succeeded
            ? PackageQueryOutput.ParseRpm(result.StandardOutput)
            : throw new HostProviderException($"rpm -qa failed: {result.Reason}");
    }

    public async Task<InstalledPackage?> FindAsync(string name, CancellationToken cancellationToken)
    {
        // Exit 1 with "package NAME is not installed" on standard output when it is not.
        var result = await runner.RunAsync("rpm", ["-q", "--queryformat", PackageQueryOutput.RpmFormat, "--", name], PackageCommands.Read, cancellationToken);
        if (!result.Succeeded && !result.StandardOutput.Contains("is not installed", StringComparison.Ordinal))
        {
            throw new HostProviderException($"rpm -q failed: {result.Reason}");
        }

        return PackageQueryOutput.ParseRpm(result.StandardOutput).LastOrDefault(p => p.Name == name);
    }

    public Task<string?> CandidateAsync(string name, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public async Task<IReadOnlyList<PackageUpdate>> PendingAsync(CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync("dnf", ["check-update", "-q"], PackageCommands.Read, cancellationToken);
        return result.ExitCode switch
        {
            0 => [],
            UpdatesAvailable => DnfOutput.Upgrades(result.StandardOutput, await ListAsync(cancellationToken)),
            _ => throw new HostProviderException($"dnf check-update failed: {result.Reason}"),
        };
    }

    public Task<string?> CheckInstallAsync(string name, string? version, CancellationToken cancellationToken) => Task.FromResult(version);

    public Task InstallAsync(string name, string? version, CancellationToken cancellationToken) =>
        ChangeAsync("install", ["install", "-y", "-q", "--", version is null ? name : $"{name}-{version}"], cancellationToken);

    public Task RemoveAsync(string name, CancellationToken cancellationToken) =>
        ChangeAsync("remove", ["remove", "-y", "-q", "--", name], cancellationToken);

    public Task UpgradeAsync(IReadOnlyList<string>? names, CancellationToken cancellationToken) =>
        ChangeAsync("upgrade", names is null ? ["upgrade", "-y", "-q"] : ["upgrade", "-y", "-q", "--", .. names], cancellationToken);

    private async Task ChangeAsync(string what, string[] arguments, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync("dnf", arguments, PackageCommands.Change, cancellationToken);
        if (!result.Succeeded)
        {
            throw new HostProviderException($"dnf {what} failed: {result.Reason}");
        }
    }
}
