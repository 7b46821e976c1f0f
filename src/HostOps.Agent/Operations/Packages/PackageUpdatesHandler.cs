using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Packages;
using HostOps.Providers.Packages;

namespace HostOps.Agent.Operations.Packages;

/// <summary><c>package.updates.get</c>.</summary>
internal sealed class PackageUpdatesHandler(AgentIdentity identity, PackageReader packages)
    : DeclaredOperationHandler<NoInput, PackageUpdatesResult>(identity)
{
    protected override Operation<NoInput, PackageUpdatesResult> Operation => PackageOperations.Updates;

    protected override async Task<PackageUpdatesResult> RunAsync(NoInput input, CancellationToken cancellationToken) =>
        new() { Updates = await packages.PendingAsync(cancellationToken) };
}
