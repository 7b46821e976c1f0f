using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Services;
using HostOps.Providers.Services;

namespace HostOps.Agent.Operations.Services;

/// <summary><c>service.stop.do</c>.</summary>
internal sealed class ServiceStopHandler(AgentIdentity identity, ServiceController controller)
    : ServiceActionHandler(identity, controller, ServiceAction.Stop)
{
    protected override Operation<ServiceActionRequest, ServiceActionResult> Operation => ServiceOperations.Stop;
}
