namespace HostOps.Providers.Power;

/// <summary>What <see cref="PowerScheduler"/> schedules.</summary>
public enum PowerAction
{
    Reboot,
    PowerOff,
}
