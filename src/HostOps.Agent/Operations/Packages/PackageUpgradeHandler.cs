using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Packages;
using HostOps.Providers.Packages;

namespace HostOps.Agent.Operations.Packages;

/// <summary><c>package.upgrade.do</c>: <c>changed</c> is false when no upgrade was pending (for the named packages).</summary>
internal sealed class PackageUpgradeHandler(AgentIdentity identity, PackageChanger packages)
    : DeclaredOperationHandler<PackageUpgradeRequest, PackageUpgradeResult>(identity)
{
    protected override Operation<PackageUpgradeRequest, PackageUpgradeResult> Operation => PackageOperations.Upgrade;

    protected override async Task<PackageUpgradeResult> RunAsync(PackageUpgradeRequest input, CancellationToken cancellationToken)
    {
        var upgraded = await packages.UpgradeAsync(input.Names, input.DryRun, cancellationToken);
        return new PackageUpgradeResult { Changed = upgraded.Count > 0, Upgraded = upgraded };
    }
}
