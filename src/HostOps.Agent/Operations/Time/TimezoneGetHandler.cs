using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Time;
using HostOps.Providers.Time;

namespace HostOps.Agent.Operations.Time;

/// <summary><c>timezone.detail.get</c>.</summary>
internal sealed class TimezoneGetHandler(AgentIdentity identity, TimeZoneProvider zones)
    : DeclaredOperationHandler<NoInput, TimezoneResult>(identity)
{
    protected override Operation<NoInput, TimezoneResult> Operation => TimeOperations.ZoneGet;

    protected override async Task<TimezoneResult> RunAsync(NoInput input, CancellationToken cancellationToken) =>
        new() { Zone = await zones.ReadAsync(cancellationToken) };
}
