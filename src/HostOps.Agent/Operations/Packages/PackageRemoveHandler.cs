using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Packages;
using HostOps.Providers.Packages;

namespace HostOps.Agent.Operations.Packages;

/// <summary><c>package.remove.do</c>.</summary>
internal sealed class PackageRemoveHandler(AgentIdentity identity, PackageChanger packages)
    : DeclaredOperationHandler<PackageRemoveRequest, PackageRemoveResult>(identity)
{
    protected override Operation<PackageRemoveRequest, PackageRemoveResult> Operation => PackageOperations.Remove;

    protected override async Task<PackageRemoveResult> RunAsync(PackageRemoveRequest input, CancellationToken cancellationToken)
    {
        var change = await packages.RemoveAsync(input.Name, input.DryRun, cancellationToken);
        return new PackageRemoveResult { Changed = change.Changed, Name = input.Name, Previous = change.Previous };
    }
}
