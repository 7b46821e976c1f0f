using HostOps.Contracts.Operations.Power;
using HostOps.Providers.Power;

namespace HostOps.Agent.Operations.Power;

/// <summary>
/// The agent's side of a power operation: schedules it (<see cref="PowerScheduler"/>) and answers at once, before
/// the host goes down; <c>changed</c> is true (a dry run says when it would happen).
/// </summary>
internal abstract class PowerHandler(AgentIdentity identity, PowerScheduler scheduler, PowerAction action)
    : DeclaredOperationHandler<PowerRequest, PowerResult>(identity)
{
    protected override async Task<PowerResult> RunAsync(PowerRequest input, CancellationToken cancellationToken)
    {
        var schedule = await scheduler.ScheduleAsync(action, input.Delay ?? PowerRules.DefaultDelay, input.Message, input.DryRun, cancellationToken);
        return new PowerResult { Changed = true, ScheduledAt = schedule.ScheduledAt, Unit = schedule.Unit };
    }
}
