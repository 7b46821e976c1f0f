using System.ComponentModel;
using System.Diagnostics;

namespace HostOps.Providers.Commands;

/// <summary>Stops a started program with every process it started, so nothing it spawned outlives a time-out.</summary>
internal static class ProcessTree
{
    public static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // It exited between the time-out and the kill: nothing is left to stop.
        }
    }
}
