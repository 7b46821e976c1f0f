namespace HostOps.Contracts.Operations.Packages;

/// <summary>Input of <c>package.upgrade.do</c>.</summary>
public sealed record PackageUpgradeRequest : ChangeRequest
{
    /// <summary>Upgrade only these packages (each <see cref="PackageRules.Name"/>); every pending upgrade when null or empty.</summary>
    public IReadOnlyList<string>? Names { get; init; }
}
