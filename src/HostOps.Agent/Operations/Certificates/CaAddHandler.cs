using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Certificates;
using HostOps.Providers.Certificates;

namespace HostOps.Agent.Operations.Certificates;

/// <summary><c>certificate.ca.add.do</c>.</summary>
internal sealed class CaAddHandler(AgentIdentity identity, TrustStore store)
    : DeclaredOperationHandler<CaAddRequest, CaResult>(identity)
{
    protected override Operation<CaAddRequest, CaResult> Operation => CaOperations.Add;

    public static CaResult ResultOf(CaChange change) => new()
    {
        Changed = change.Changed,
        Name = change.Ca.Name,
        Subject = change.Ca.Subject,
        NotAfter = change.Ca.NotAfter,
        Sha256 = change.Ca.Sha256,
    };

    protected override async Task<CaResult> RunAsync(CaAddRequest input, CancellationToken cancellationToken) =>
        ResultOf(await store.AddAsync(input.Name, input.Pem, input.DryRun, cancellationToken));
}
