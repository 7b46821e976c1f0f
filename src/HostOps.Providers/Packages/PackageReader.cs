using HostOps.Contracts.Operations.Packages;

namespace HostOps.Providers.Packages;

/// <summary>Reads the host's packages through its package tools (<see cref="PackageManagerLocator"/>); changes nothing.</summary>
[HostProvider]
public sealed class PackageReader(PackageManagerLocator locator)
{
    /// <summary>
    /// The installed packages whose name matches <paramref name="pattern"/> (all when null), sorted by name and
    /// architecture, at most <see cref="PackageRules.MaxListed"/>.
    /// </summary>
    public async Task<PackageListing> ListAsync(string? pattern, CancellationToken cancellationToken)
    {
        var manager = locator.Find();
        var matching = (await manager.ListAsync(cancellationToken))
            .Where(p => pattern is null || PackageRules.Matches(pattern, p.Name))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Architecture, StringComparer.Ordinal)
            .ToList();
        return new PackageListing(manager.Name, matching.Count, [.. matching.Take(PackageRules.MaxListed)]);
    }

    /// <summary>The installed package of that name (null when it is not installed) and the version an install would give.</summary>
    public async Task<PackageDetail> ShowAsync(string name, CancellationToken cancellationToken)
    {
        var manager = locator.Find();
        if (manager.RefuseName("name", name) is { } refused)
        {
            throw new HostProviderException(refused);
        }

        var installed = await manager.FindAsync(name, cancellationToken);
        return new PackageDetail(installed, await manager.CandidateAsync(name, cancellationToken));
    }

    /// <summary>The upgrades pending as of the package manager's last metadata refresh (<c>apt-get update</c>, dnf's cache).</summary>
    public Task<IReadOnlyList<PackageUpdate>> PendingAsync(CancellationToken cancellationToken) =>
        locator.Find().PendingAsync(cancellationToken);
}

/// <summary>The packages that matched (<paramref name="Total"/> of them) and the first ones listed.</summary>
public sealed record PackageListing(string Manager, int Total, IReadOnlyList<InstalledPackage> Packages)
{
    public bool Truncated => Packages.Count < Total;
}

/// <summary>A package as installed (null when it is not) and the version the package manager would install.</summary>
public sealed record PackageDetail(InstalledPackage? Installed, string? Candidate);
