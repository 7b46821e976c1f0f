using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Services;
using HostOps.Providers.Services;

namespace HostOps.Agent.Operations.Services;

/// <summary><c>service.reload.do</c>.</summary>
internal sealed class ServiceReloadHandler(AgentIdentity identity, ServiceController controller)
    : ServiceActionHandler(identity, controller, ServiceAction.Reload)
{
    protected override Operation<ServiceActionRequest, ServiceActionResult> Operation => ServiceOperations.Reload;
}
