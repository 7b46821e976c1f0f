using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Packages;
using HostOps.Providers.Packages;

namespace HostOps.Agent.Operations.Packages;

/// <summary><c>package.install.do</c>.</summary>
internal sealed class PackageInstallHandler(AgentIdentity identity, PackageChanger packages)
    : DeclaredOperationHandler<PackageInstallRequest, PackageInstallResult>(identity)
{
    protected override Operation<PackageInstallRequest, PackageInstallResult> Operation => PackageOperations.Install;

    protected override async Task<PackageInstallResult> RunAsync(PackageInstallRequest input, CancellationToken cancellationToken)
    {
        var change = await packages.InstallAsync(input.Name, input.Version, input.DryRun, cancellationToken);
        return new PackageInstallResult { Changed = change.Changed, Name = input.Name, Previous = change.Previous, Version = change.Current };
    }
}
