using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Power;
using HostOps.Providers.Power;

namespace HostOps.Agent.Operations.Power;

/// <summary><c>power.reboot.do</c>.</summary>
internal sealed class PowerRebootHandler(AgentIdentity identity, PowerScheduler scheduler)
    : PowerHandler(identity, scheduler, PowerAction.Reboot)
{
    protected override Operation<PowerRequest, PowerResult> Operation => PowerOperations.Reboot;
}
