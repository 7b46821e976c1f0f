using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Sysctl;
using HostOps.Providers.Sysctl;

namespace HostOps.Agent.Operations.Sysctl;

/// <summary><c>sysctl.set.do</c>.</summary>
internal sealed class SysctlSetHandler(AgentIdentity identity, SysctlSetter setter)
    : DeclaredOperationHandler<SysctlSetRequest, SysctlResult>(identity)
{
    protected override Operation<SysctlSetRequest, SysctlResult> Operation => SysctlOperations.Set;

    /// <summary>The item of a parameter: key, running value, persisted value.</summary>
    public static SysctlResult ResultOf(SysctlChange change) => new()
    {
        Changed = change.Changed,
        Key = change.Parameter.Key,
        Value = change.Parameter.Value,
        Persisted = change.Parameter.Persisted,
    };

    protected override Task<SysctlResult> RunAsync(SysctlSetRequest input, CancellationToken cancellationToken) =>
        Task.FromResult(ResultOf(setter.Set(input.Key, input.Value, input.Persist, input.DryRun)));
}
