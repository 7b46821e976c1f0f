using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Hostname;
using HostOps.Providers.System;

namespace HostOps.Agent.Operations.Hostname;

/// <summary>
/// <c>system.hostname.set</c>. The agent keeps the identity it started with (its registry key and NATS user are
/// that name) until it is restarted.
/// </summary>
internal sealed class HostnameSetHandler(AgentIdentity identity, HostnameSetter setter)
    : DeclaredOperationHandler<HostnameSetRequest, HostnameSetResult>(identity)
{
    protected override Operation<HostnameSetRequest, HostnameSetResult> Operation => HostnameOperations.Set;

    protected override async Task<HostnameSetResult> RunAsync(HostnameSetRequest input, CancellationToken cancellationToken)
    {
        var change = await setter.SetAsync(input.Name, input.DryRun, cancellationToken);
        return new HostnameSetResult { Changed = change.Changed, Previous = change.Previous, Current = change.Current };
    }
}
