namespace HostOps.Contracts.Operations.Packages;

/// <summary>One host's answer to <c>package.upgrade.do</c>: the packages upgraded (on a dry run, those that would be).</summary>
public sealed record PackageUpgradeResult : HostOutcome
{
    public IReadOnlyList<PackageUpdate>? Upgraded { get; init; }
}
