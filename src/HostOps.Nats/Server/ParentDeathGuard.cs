using System.Diagnostics;
using System.Globalization;

namespace HostOps.Nats.Server;

/// <summary>
/// Ends a child process once this process is gone, however it went (SIGKILL included). A small <c>/bin/sh</c> in
/// its own session reads a pipe whose only writer is this process; end of file means we died, and it sends the
/// child SIGTERM, then SIGKILL after 10 s. Disposing the guard kills the shell first, so our own stop or the
/// child's own death never makes it signal anything. (PR_SET_PDEATHSIG is not used: it fires when the thread that
/// forked exits, and .NET may start a process from a pool thread that retires long before this process ends.)
/// </summary>
internal sealed class ParentDeathGuard : IDisposable
{
    // `read` is a shell builtin: the guard is one process until it fires.
    private const string Script = """
        while read -r _; do :; done
        kill -TERM "$1" 2>/dev/null || exit 0
        i=0
        while [ "$i" -lt 100 ] && kill -0 "$1" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
        kill -KILL "$1" 2>/dev/null
        """;

    private readonly Process _shell;

    private ParentDeathGuard(Process shell) => _shell = shell;

    public int Id => _shell.Id;

    public static ParentDeathGuard Watch(int pid)
    {
        var info = new ProcessStartInfo(NatsServerChild.SetSid, ["/bin/sh", "-c", Script, "hostops-nats-guard", pid.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return new ParentDeathGuard(Process.Start(info) ?? throw new ManagedNatsServerException("the nats-server guard (/bin/sh) did not start"));
    }

    public void Dispose()
    {
        try
        {
            if (!_shell.HasExited)
            {
                _shell.Kill();
                _shell.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _shell.Dispose();
    }
}
