using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Time;
using HostOps.Providers.Time;

namespace HostOps.Agent.Operations.Time;

/// <summary><c>timezone.set.do</c>.</summary>
internal sealed class TimezoneSetHandler(AgentIdentity identity, TimeZoneProvider zones)
    : DeclaredOperationHandler<TimezoneSetRequest, TimezoneResult>(identity)
{
    protected override Operation<TimezoneSetRequest, TimezoneResult> Operation => TimeOperations.ZoneSet;

    protected override async Task<TimezoneResult> RunAsync(TimezoneSetRequest input, CancellationToken cancellationToken)
    {
        var change = await zones.SetAsync(input.Zone, input.DryRun, cancellationToken);
        return new TimezoneResult { Changed = change.Changed, Zone = change.Zone, Previous = change.Previous };
    }
}
