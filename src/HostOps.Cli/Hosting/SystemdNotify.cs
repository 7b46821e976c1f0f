using System.Net.Sockets;
using System.Text;

namespace HostOps.Cli.Hosting;

/// <summary>
/// Tells systemd how a <c>Type=notify</c> service is doing, through the datagram socket named by
/// <c>$NOTIFY_SOCKET</c> (sd_notify(3)); does nothing when the variable is not set (not under systemd).
/// </summary>
internal static class SystemdNotify
{
    public const string SocketVariable = "NOTIFY_SOCKET";

    /// <summary>The service is up (systemd starts what waits for it); <paramref name="status"/> shows in <c>systemctl status</c>.</summary>
    public static void Ready(string status) => Send($"READY=1\nSTATUS={status}");

    public static void Stopping() => Send("STOPPING=1");

    private static void Send(string message)
    {
        var path = Environment.GetEnvironmentVariable(SocketVariable);
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        // "@name" is a socket in the abstract namespace, which .NET spells with a leading NUL.
        var endPoint = new UnixDomainSocketEndPoint(path[0] == '@' ? "\0" + path[1..] : path);
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.SendTo(Encoding.UTF8.GetBytes(message), endPoint);
        }
        catch (SocketException)
        {
            // systemd went away or the variable is stale: nobody is waiting for the answer.
        }
    }
}
