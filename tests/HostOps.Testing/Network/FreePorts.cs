using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HostOps.Testing.Network;

/// <summary>
/// Loopback ports for servers a test starts. They come from below the kernel's ephemeral range, so an outgoing
/// connection (a NATS client, an HTTP call) can never take a port between the check here and the server's bind;
/// a port is handed out once per test process.
/// </summary>
public static class FreePorts
{
    private const int Lowest = 10_000;
    private const int FallbackEphemeralStart = 32_768;
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    public static int Next()
    {
        var highest = EphemeralRangeStart() - 1;
        lock (Gate)
        {
            for (var tries = 0; tries < 1_000; tries++)
            {
                var port = Random.Shared.Next(Lowest, highest + 1);
                if (!HandedOut.Contains(port) && CanBind(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"no free loopback port between {Lowest} and {highest}");
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            var start = int.Parse(range[0], CultureInfo.InvariantCulture);
            return start > Lowest + 1_000 ? start : FallbackEphemeralStart;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return FallbackEphemeralStart;
        }
    }
}
