namespace HostOps.Contracts.Operations.Packages;

/// <summary>
/// One host's answer to <c>package.list.get</c>: its installed packages by name, at most
/// <see cref="PackageRules.MaxListed"/> (then <see cref="Truncated"/> is true and <see cref="Total"/> says how many matched).
/// </summary>
public sealed record PackageListResult : HostOutcome
{
    /// <summary>The package manager that answered: <c>dpkg</c> or <c>rpm</c>.</summary>
    public string? Manager { get; init; }

    /// <summary>How many installed packages matched the pattern.</summary>
    public int? Total { get; init; }

    public bool? Truncated { get; init; }

    public IReadOnlyList<InstalledPackage>? Packages { get; init; }
}
