using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Power;
using HostOps.Providers.Power;

namespace HostOps.Agent.Operations.Power;

/// <summary><c>power.shutdown.do</c>: powers the host off.</summary>
internal sealed class PowerShutdownHandler(AgentIdentity identity, PowerScheduler scheduler)
    : PowerHandler(identity, scheduler, PowerAction.PowerOff)
{
    protected override Operation<PowerRequest, PowerResult> Operation => PowerOperations.Shutdown;
}
