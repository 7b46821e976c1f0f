using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Certificates;
using HostOps.Providers.Certificates;

namespace HostOps.Agent.Operations.Certificates;

/// <summary><c>certificate.ca.list.get</c>: the CAs HostOps installed on this host.</summary>
internal sealed class CaListHandler(AgentIdentity identity, TrustStore store)
    : DeclaredOperationHandler<NoInput, CaListResult>(identity)
{
    protected override Operation<NoInput, CaListResult> Operation => CaOperations.List;

    protected override Task<CaListResult> RunAsync(NoInput input, CancellationToken cancellationToken) =>
        Task.FromResult(new CaListResult { Certificates = store.List() });
}
