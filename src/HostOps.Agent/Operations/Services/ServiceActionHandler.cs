using HostOps.Contracts.Operations.Services;
using HostOps.Providers.Services;

namespace HostOps.Agent.Operations.Services;

/// <summary>A service action (<c>service.start.do</c> …): the unit's states after it, or as they would be on a dry run.</summary>
internal abstract class ServiceActionHandler(AgentIdentity identity, ServiceController controller, ServiceAction action)
    : DeclaredOperationHandler<ServiceActionRequest, ServiceActionResult>(identity)
{
    protected override async Task<ServiceActionResult> RunAsync(ServiceActionRequest input, CancellationToken cancellationToken)
    {
        var change = await controller.RunAsync(action, input.Name, input.DryRun, cancellationToken);
        return new ServiceActionResult
        {
            Changed = change.Changed,
            Name = change.State.Name,
            ActiveState = change.State.ActiveState,
            Enabled = change.State.UnitFileState,
        };
    }
}
