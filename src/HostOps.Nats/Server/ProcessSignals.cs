using System.Runtime.InteropServices;

namespace HostOps.Nats.Server;

/// <summary>
/// Sends POSIX signals. .NET's Process.Kill only sends SIGKILL; nats-server flushes JetStream and exits cleanly
/// on SIGTERM, so the graceful path needs libc's kill(2).
/// </summary>
internal static partial class ProcessSignals
{
    private const int SigHup = 1;
    private const int SigTerm = 15;

    public static bool Terminate(int pid) => Kill(pid, SigTerm) == 0;

    /// <summary>SIGHUP: nats-server re-reads its configuration file and applies it without a restart.</summary>
    public static bool Reload(int pid) => Kill(pid, SigHup) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
