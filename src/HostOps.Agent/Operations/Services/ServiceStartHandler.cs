using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Services;
using HostOps.Providers.Services;

namespace HostOps.Agent.Operations.Services;

/// <summary><c>service.start.do</c>.</summary>
internal sealed class ServiceStartHandler(AgentIdentity identity, ServiceController controller)
    : ServiceActionHandler(identity, controller, ServiceAction.Start)
{
    protected override Operation<ServiceActionRequest, ServiceActionResult> Operation => ServiceOperations.Start;
}
