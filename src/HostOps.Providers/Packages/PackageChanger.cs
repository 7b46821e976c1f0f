using HostOps.Contracts.Operations.Packages;

namespace HostOps.Providers.Packages;

/// <summary>
/// Installs, removes and upgrades packages through the host's package tools (<see cref="PackageManagerLocator"/>).
/// Each change first reads the package's state and does nothing when it already holds (<c>Changed</c> false); a dry
/// run reads (and on Debian simulates) but changes nothing; a change needs <see cref="HostChangeGuard"/>.
/// </summary>
[HostProvider]
public sealed class PackageChanger(PackageManagerLocator locator, HostChangeGuard guard)
{
    /// <summary>Installs <paramref name="name"/> (at <paramref name="version"/> when given) unless it already is.</summary>
    public async Task<PackageChange> InstallAsync(string name, string? version, bool dryRun, CancellationToken cancellationToken)
    {
        var manager = Manager(name);
        var before = await manager.FindAsync(name, cancellationToken);
        if (before is not null && (version is null || manager.IsVersion(before, version)))
        {
            return new PackageChange(before.Version, before.Version, false);
        }

        if (dryRun)
        {
            return new PackageChange(before?.Version, await manager.CheckInstallAsync(name, version, cancellationToken), true);
        }

        var target = version is null ? name : $"{name} {version}";
        guard.EnsureAllowed($"installing package {target}");
        await manager.InstallAsync(name, version, cancellationToken);
        var after = await manager.FindAsync(name, cancellationToken)
            ?? throw new HostProviderException($"the install of {target} finished but {name} is not installed");
        return new PackageChange(before?.Version, after.Version, true);
    }

    /// <summary>Removes <paramref name="name"/> if it is installed (its configuration files stay).</summary>
    public async Task<PackageChange> RemoveAsync(string name, bool dryRun, CancellationToken cancellationToken)
    {
        var manager = Manager(name);
        var before = await manager.FindAsync(name, cancellationToken);
        if (before is null || dryRun)
        {
            return new PackageChange(before?.Version, null, before is not null);
        }

        guard.EnsureAllowed($"removing package {name}");
        await manager.RemoveAsync(name, cancellationToken);
        return await manager.FindAsync(name, cancellationToken) is { } still
            ? throw new HostProviderException($"the removal of {name} finished but {name} {still.Version} is still installed")
            : new PackageChange(before.Version, null, true);
    }

    /// <summary>
    /// Applies the pending upgrades, all of them or those of <paramref name="names"/> (packages without one are
    /// left alone): the upgrades applied, or on a dry run those that would be.
    /// </summary>
    public async Task<IReadOnlyList<PackageUpdate>> UpgradeAsync(IReadOnlyList<string>? names, bool dryRun, CancellationToken cancellationToken)
    {
        var manager = locator.Find();
        var chosen = names is { Count: > 0 } ? names : null;
        for (var i = 0; i < (chosen?.Count ?? 0); i++)
        {
            Refuse(manager, $"names[{i}]", chosen![i]);
        }

        var pending = await manager.PendingAsync(cancellationToken);
        var selected = chosen is null ? pending : [.. pending.Where(p => chosen.Any(n => Names(p.Name, n)))];
        if (selected.Count == 0 || dryRun)
        {
            return selected;
        }

        guard.EnsureAllowed(chosen is null ? "upgrading every package" : $"upgrading packages {string.Join(' ', chosen)}");
        await manager.UpgradeAsync(chosen is null ? null : [.. selected.Select(p => p.Name).Distinct()], cancellationToken);
        return selected;
    }

    private IPackageManager Manager(string name)
    {
        var manager = locator.Find();
        Refuse(manager, "name", name);
        return manager;
    }

    private static void Refuse(IPackageManager manager, string field, string name)
    {
        if (manager.RefuseName(field, name) is { } refused)
        {
            throw new HostProviderException(refused);
        }
    }

    // apt names a foreign-architecture package libc6:i386; "libc6" names it too.
    private static bool Names(string pending, string name) =>
        pending == name || pending.StartsWith(name + ":", StringComparison.Ordinal);
}

/// <summary>A package's version before and after a change (null when not installed); <paramref name="Changed"/> is false when nothing was to do.</summary>
public sealed record PackageChange(string? Previous, string? Current, bool Changed);
