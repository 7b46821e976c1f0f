using System.Globalization;
using System.Runtime.InteropServices;
using HostOps.Contracts.Operations.Processes;

namespace HostOps.Providers.Processes;

/// <summary>
/// Sends a named signal (<see cref="ProcessRules.Signals"/>) to one process with kill(2), called directly: no shell,
/// no <c>kill</c> program. Refuses pid 1, anything kill(2) would take for a process group (0 or less) and this agent's
/// own pid. The process must exist under <c>/proc</c>; a dry run checks that and sends nothing. Sending needs
/// <see cref="HostChangeGuard"/>.
/// </summary>
[HostProvider]
public sealed partial class ProcessSignaller(HostRoot root, HostChangeGuard guard)
{
    private const int NotPermitted = 1; // EPERM
    private const int NoSuchProcess = 3; // ESRCH

    /// <summary>Sends <paramref name="signal"/> (<c>TERM</c>, <c>SIGterm</c>…) and answers its name as <see cref="ProcessRules.Signals"/> has it.</summary>
    public string Send(int pid, string signal, bool dryRun)
    {
        if ((ProcessRules.SignalTarget("pid", pid) ?? ProcessRules.Signal("signal", signal)) is { } invalid)
        {
            throw new HostProviderException(invalid);
        }

        var name = ProcessRules.SignalName(signal)!;
        if (pid == Environment.ProcessId)
        {
            throw new HostProviderException($"pid: {pid} is this agent's own process; signalling it is refused");
        }

        if (!Directory.Exists(root.Resolve($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}")))
        {
            throw new HostProviderException($"no process with pid {pid}");
        }

        if (dryRun)
        {
            return name;
        }

        guard.EnsureAllowed($"sending SIG{name} to pid {pid}");
        if (Kill(pid, ProcessRules.Signals[name]) != 0)
        {
            throw Marshal.GetLastPInvokeError() switch
            {
                NoSuchProcess => new HostProviderException($"no process with pid {pid}"),
                NotPermitted => new HostProviderException($"not permitted to signal pid {pid} (it belongs to another user)"),
                var errno => new HostProviderException($"kill({pid}, SIG{name}) failed: {Marshal.GetPInvokeErrorMessage(errno)}"),
            };
        }

        return name;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
