using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Packages;
using HostOps.Providers.Packages;

namespace HostOps.Agent.Operations.Packages;

/// <summary><c>package.detail.get</c>: a package that is not installed is an answer (<c>installed: false</c>), not a failure.</summary>
internal sealed class PackageShowHandler(AgentIdentity identity, PackageReader packages)
    : DeclaredOperationHandler<PackageShowRequest, PackageShowResult>(identity)
{
    protected override Operation<PackageShowRequest, PackageShowResult> Operation => PackageOperations.Show;

    protected override async Task<PackageShowResult> RunAsync(PackageShowRequest input, CancellationToken cancellationToken)
    {
        var detail = await packages.ShowAsync(input.Name, cancellationToken);
        return new PackageShowResult
        {
            Name = input.Name,
            Installed = detail.Installed is not null,
            Version = detail.Installed?.Version,
            Candidate = detail.Candidate,
            Architecture = detail.Installed?.Architecture,
            Summary = detail.Installed?.Summary,
        };
    }
}
