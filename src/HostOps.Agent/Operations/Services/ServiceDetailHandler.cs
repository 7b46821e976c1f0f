using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Services;
using HostOps.Providers.Services;

namespace HostOps.Agent.Operations.Services;

/// <summary><c>service.detail.get</c>: one service of this host.</summary>
internal sealed class ServiceDetailHandler(AgentIdentity identity, ServiceReader reader)
    : DeclaredOperationHandler<ServiceRequest, ServiceDetailResult>(identity)
{
    protected override Operation<ServiceRequest, ServiceDetailResult> Operation => ServiceOperations.Detail;

    protected override async Task<ServiceDetailResult> RunAsync(ServiceRequest input, CancellationToken cancellationToken)
    {
        var state = await reader.ShowAsync(input.Name, cancellationToken);
        return new ServiceDetailResult
        {
            Name = state.Name,
            LoadState = state.LoadState,
            ActiveState = state.ActiveState,
            SubState = state.SubState,
            Enabled = state.UnitFileState,
            Description = state.Description,
            MainPid = state.MainPid,
            Since = state.Since,
        };
    }
}
