using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Services;
using HostOps.Providers.Services;

namespace HostOps.Agent.Operations.Services;

/// <summary><c>service.enable.do</c>.</summary>
internal sealed class ServiceEnableHandler(AgentIdentity identity, ServiceController controller)
    : ServiceActionHandler(identity, controller, ServiceAction.Enable)
{
    protected override Operation<ServiceActionRequest, ServiceActionResult> Operation => ServiceOperations.Enable;
}
