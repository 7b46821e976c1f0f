using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Services;
using HostOps.Providers.Services;

namespace HostOps.Agent.Operations.Services;

/// <summary><c>service.list.get</c>: this host's services with their states.</summary>
internal sealed class ServiceListHandler(AgentIdentity identity, ServiceReader reader)
    : DeclaredOperationHandler<ServiceListRequest, ServiceListResult>(identity)
{
    protected override Operation<ServiceListRequest, ServiceListResult> Operation => ServiceOperations.List;

    protected override async Task<ServiceListResult> RunAsync(ServiceListRequest input, CancellationToken cancellationToken)
    {
        var states = await reader.ListAsync(input.State, input.Pattern, cancellationToken);
        return new ServiceListResult
        {
            Services = [.. states.Select(s => new ServiceUnit
            {
                Name = s.Name,
                LoadState = s.LoadState,
                ActiveState = s.ActiveState,
                SubState = s.SubState,
                Enabled = s.UnitFileState,
                Description = s.Description,
            })],
        };
    }
}
