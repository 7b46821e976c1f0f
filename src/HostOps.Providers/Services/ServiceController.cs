namespace HostOps.Providers.Services;

/// <summary>
/// Starts, stops, restarts, reloads, enables and disables a service through <c>systemctl VERB -- UNIT</c>. Each
/// action reads the unit first: start on a running unit, stop on a stopped one, enable on an enabled one and disable
/// on one that is not enabled change nothing (<c>changed: false</c>, systemctl not run); restart and reload always
/// change it. A dry run answers the same from that reading and runs nothing; a change needs
/// <see cref="HostChangeGuard"/>. A unit systemd does not know, reloading one that cannot reload or is not running,
/// and enabling a static or masked one are refused with the reason.
/// </summary>
[HostProvider]
public sealed class ServiceController(Systemctl systemctl, HostChangeGuard guard)
{
    public async Task<ServiceChange> RunAsync(ServiceAction action, string name, bool dryRun, CancellationToken cancellationToken)
    {
        var unit = Systemctl.ServiceUnit(name);
        var before = await systemctl.ShowAsync(unit, cancellationToken);
        var verb = action.ToString().ToLowerInvariant();
        if (!NeedsChange(action, before))
        {
            return new ServiceChange(before, false);
        }

        if (dryRun)
        {
            return new ServiceChange(Predicted(action, before), true);
        }

        guard.EnsureAllowed($"{verb} {unit}");
        await systemctl.RunAsync([verb, "--no-ask-password", "--", unit], cancellationToken);
        return new ServiceChange(await systemctl.ShowAsync(unit, cancellationToken), true);
    }

    private static bool NeedsChange(ServiceAction action, ServiceState state) => action switch
    {
        ServiceAction.Start => !state.IsRunning,
        ServiceAction.Stop => !state.IsStopped,
        ServiceAction.Reload => CanReload(state),
        ServiceAction.Enable => !state.IsEnabled && CanEnable(state),
        ServiceAction.Disable => state.UnitFileState is "enabled" or "enabled-runtime" or "linked" or "linked-runtime",
        _ => true,
    };

    private static bool CanReload(ServiceState state)
    {
        if (!state.CanReload)
        {
            throw new HostProviderException($"{state.Name} cannot reload (it has no ExecReload=); restart it instead");
        }

        return state.ActiveState is "active" or "reloading"
            ? true
            : throw new HostProviderException($"{state.Name} is {state.ActiveState}, not running; only a running service reloads");
    }

    private static bool CanEnable(ServiceState state) => state.UnitFileState switch
    {
        "static" => throw new HostProviderException($"{state.Name} is static (no [Install] section): it cannot be enabled, only started by what needs it"),
        "masked" or "masked-runtime" => throw new HostProviderException($"{state.Name} is masked; unmask it before enabling it"),
        "generated" or "transient" => throw new HostProviderException($"{state.Name} is {state.UnitFileState}: it has no unit file to enable"),
        _ => true,
    };

    private static ServiceState Predicted(ServiceAction action, ServiceState state) => action switch
    {
        ServiceAction.Start or ServiceAction.Restart => state with { ActiveState = "active" },
        ServiceAction.Enable => state with { UnitFileState = "enabled" },
        ServiceAction.Disable => state with { UnitFileState = "disabled" },
        ServiceAction.Stop => state with { ActiveState = "inactive" },
        _ => state,
    };
}
