using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Sysctl;
using HostOps.Providers.Sysctl;

namespace HostOps.Agent.Operations.Sysctl;

/// <summary><c>sysctl.list.get</c>: this host's kernel parameters.</summary>
internal sealed class SysctlListHandler(AgentIdentity identity, SysctlReader reader)
    : DeclaredOperationHandler<SysctlListRequest, SysctlListResult>(identity)
{
    protected override Operation<SysctlListRequest, SysctlListResult> Operation => SysctlOperations.List;

    protected override Task<SysctlListResult> RunAsync(SysctlListRequest input, CancellationToken cancellationToken) =>
        Task.FromResult(new SysctlListResult { Parameters = reader.List(input.Prefix) });
}
