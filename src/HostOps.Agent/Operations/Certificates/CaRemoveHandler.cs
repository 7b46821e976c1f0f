using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Certificates;
using HostOps.Providers.Certificates;

namespace HostOps.Agent.Operations.Certificates;

/// <summary><c>certificate.ca.remove.do</c>.</summary>
internal sealed class CaRemoveHandler(AgentIdentity identity, TrustStore store)
    : DeclaredOperationHandler<CaRemoveRequest, CaResult>(identity)
{
    protected override Operation<CaRemoveRequest, CaResult> Operation => CaOperations.Remove;

    protected override async Task<CaResult> RunAsync(CaRemoveRequest input, CancellationToken cancellationToken) =>
        CaAddHandler.ResultOf(await store.RemoveAsync(input.Name, input.DryRun, cancellationToken));
}
