using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Services;
using HostOps.Providers.Services;

namespace HostOps.Agent.Operations.Services;

/// <summary><c>service.restart.do</c>.</summary>
internal sealed class ServiceRestartHandler(AgentIdentity identity, ServiceController controller)
    : ServiceActionHandler(identity, controller, ServiceAction.Restart)
{
    protected override Operation<ServiceActionRequest, ServiceActionResult> Operation => ServiceOperations.Restart;
}
