namespace HostOps.Providers.Services;

/// <summary>What <see cref="ServiceController"/> does to a service; each is the <c>systemctl</c> verb of its name.</summary>
public enum ServiceAction
{
    Start,
    Stop,
    Restart,
    Reload,
    Enable,
    Disable,
}
