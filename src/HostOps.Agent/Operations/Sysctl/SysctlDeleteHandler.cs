using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Sysctl;
using HostOps.Providers.Sysctl;

namespace HostOps.Agent.Operations.Sysctl;

/// <summary><c>sysctl.delete.do</c>: the persisted entry goes, the running value stays.</summary>
internal sealed class SysctlDeleteHandler(AgentIdentity identity, SysctlSetter setter)
    : DeclaredOperationHandler<SysctlDeleteRequest, SysctlResult>(identity)
{
    protected override Operation<SysctlDeleteRequest, SysctlResult> Operation => SysctlOperations.Delete;

    protected override Task<SysctlResult> RunAsync(SysctlDeleteRequest input, CancellationToken cancellationToken) =>
        Task.FromResult(SysctlSetHandler.ResultOf(setter.RemovePersisted(input.Key, input.DryRun)));
}
