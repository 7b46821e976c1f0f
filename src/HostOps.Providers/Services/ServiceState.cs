namespace HostOps.Providers.Services;

/// <summary>
/// One service as <c>systemctl show</c> reports it. <paramref name="UnitFileState"/> is <c>enabled</c>,
/// <c>disabled</c>, <c>static</c>, <c>masked</c>, … (null when the unit has no unit file); <paramref name="Since"/>
/// is <c>ActiveEnterTimestamp</c> as systemctl prints it, null when the unit never was active.
/// </summary>
public sealed record ServiceState(
    string Name,
    string? LoadState,
    string? ActiveState,
    string? SubState,
    string? UnitFileState,
    string? Description,
    int? MainPid,
    string? Since,
    bool CanReload)
{
    /// <summary>True when the unit runs or is on its way up (<c>start</c> has nothing to do).</summary>
    public bool IsRunning => ActiveState is "active" or "reloading" or "activating" or "refreshing";

    /// <summary>True when the unit does not run (<c>stop</c> has nothing to do).</summary>
    public bool IsStopped => ActiveState is "inactive" or "failed";

    /// <summary>True when the unit starts at boot (<c>enable</c> has nothing to do).</summary>
    public bool IsEnabled => UnitFileState is "enabled" or "enabled-runtime";
}
