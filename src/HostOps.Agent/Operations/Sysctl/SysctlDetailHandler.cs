using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Sysctl;
using HostOps.Providers.Sysctl;

namespace HostOps.Agent.Operations.Sysctl;

/// <summary><c>sysctl.detail.get</c>: one kernel parameter.</summary>
internal sealed class SysctlDetailHandler(AgentIdentity identity, SysctlReader reader)
    : DeclaredOperationHandler<SysctlRequest, SysctlResult>(identity)
{
    protected override Operation<SysctlRequest, SysctlResult> Operation => SysctlOperations.Detail;

    protected override Task<SysctlResult> RunAsync(SysctlRequest input, CancellationToken cancellationToken) =>
        Task.FromResult(SysctlSetHandler.ResultOf(new SysctlChange(reader.Read(input.Key), false)));
}
