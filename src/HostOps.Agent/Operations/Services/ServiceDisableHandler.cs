using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Services;
using HostOps.Providers.Services;

namespace HostOps.Agent.Operations.Services;

/// <summary><c>service.disable.do</c>.</summary>
internal sealed class ServiceDisableHandler(AgentIdentity identity, ServiceController controller)
    : ServiceActionHandler(identity, controller, ServiceAction.Disable)
{
    protected override Operation<ServiceActionRequest, ServiceActionResult> Operation => ServiceOperations.Disable;
}
