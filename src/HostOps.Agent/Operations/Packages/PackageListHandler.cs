using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Packages;
using HostOps.Providers.Packages;

namespace HostOps.Agent.Operations.Packages;

/// <summary><c>package.list.get</c>.</summary>
internal sealed class PackageListHandler(AgentIdentity identity, PackageReader packages)
    : DeclaredOperationHandler<PackageListRequest, PackageListResult>(identity)
{
    protected override Operation<PackageListRequest, PackageListResult> Operation => PackageOperations.List;

    protected override async Task<PackageListResult> RunAsync(PackageListRequest input, CancellationToken cancellationToken)
    {
        var listing = await packages.ListAsync(input.Pattern, cancellationToken);
        return new PackageListResult
        {
            Manager = listing.Manager,
            Total = listing.Total,
            Truncated = listing.Truncated,
            Packages = listing.Packages,
        };
    }
}
