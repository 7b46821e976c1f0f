using HostOps.Contracts.Operations.Packages;

namespace HostOps.Providers.Packages;

/// <summary>
/// One distribution's package tools (<see cref="DebianPackages"/>, <see cref="RpmPackages"/>), each call one program
/// run with an argument list. <see cref="PackageManagerLocator"/> picks the host's.
/// </summary>
public interface IPackageManager
{
    /// <summary>The package database that answers: <c>dpkg</c> or <c>rpm</c>.</summary>
    string Name { get; }

    /// <summary>Null when <paramref name="name"/> can name a package here, else why not (<c>field: …</c>).</summary>
    string? RefuseName(string field, string name);

    /// <summary>True when the installed version is the version asked for (rpm: with or without its release).</summary>
    bool IsVersion(InstalledPackage installed, string version);

    Task<IReadOnlyList<InstalledPackage>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The installed package of that name; null when it is not installed.</summary>
    Task<InstalledPackage?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>The version an install would give, when the tools can tell without a network round trip; else null.</summary>
    Task<string?> CandidateAsync(string name, CancellationToken cancellationToken);

    /// <summary>The upgrades pending as of the last metadata refresh.</summary>
    Task<IReadOnlyList<PackageUpdate>> PendingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Checks, changing nothing, that the package can be installed: the version it would install (null when the tools
    /// cannot tell), or a <see cref="HostProviderException"/> with the tool's reason.
    /// </summary>
    Task<string?> CheckInstallAsync(string name, string? version, CancellationToken cancellationToken);

    Task InstallAsync(string name, string? version, CancellationToken cancellationToken);

    Task RemoveAsync(string name, CancellationToken cancellationToken);

    /// <summary>Applies the pending upgrades: all of them when <paramref name="names"/> is null, else those packages'.</summary>
    Task UpgradeAsync(IReadOnlyList<string>? names, CancellationToken cancellationToken);
}
