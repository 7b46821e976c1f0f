namespace HostOps.Providers.System;

/// <summary>
/// The machine's own hostname, the agent's default identity when none is configured: the kernel's
/// <c>/proc/sys/kernel/hostname</c>, else <see cref="Environment.MachineName"/>.
/// </summary>
public sealed class HostnameProvider(HostRoot root)
{
    public string Read()
    {
        try
        {
            var name = HostFile.ReadAllText(root, "/proc/sys/kernel/hostname").Trim();
            return name.Length > 0 ? name : Environment.MachineName;
        }
        catch (HostProviderException)
        {
            return Environment.MachineName;
        }
    }
}
