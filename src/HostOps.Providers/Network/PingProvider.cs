using System.ComponentModel;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace HostOps.Providers.Network;

/// <summary>
/// ICMP echo through <see cref="Ping"/>. Echoes go out every 200 ms, the shortest interval ping(8) allows an
/// unprivileged user, so the largest count (100) still answers within the API's default 30 s job timeout.
/// </summary>
public sealed class PingProvider
{
    private readonly TimeSpan interval;
    private readonly TimeSpan timeout;

    public PingProvider()
        : this(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2))
    {
    }

    public PingProvider(TimeSpan interval, TimeSpan timeout)
    {
        this.interval = interval;
        this.timeout = timeout;
    }

    public async Task<PingSummary> PingAsync(IPAddress address, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var buffer = new byte[32];
        var rtts = new List<double>(count);
        using var ping = new Ping();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                await Task.Delay(interval, cancellationToken);
            }

            var reply = await SendAsync(ping, address, buffer, cancellationToken);
            if (reply.Status == IPStatus.Success)
            {
                rtts.Add(reply.RoundtripTime);
            }
        }

        var loss = Math.Round((count - rtts.Count) * 100.0 / count, 1);
        return rtts.Count == 0
            ? new PingSummary(count, 0, loss, 0, 0, 0)
            : new PingSummary(count, rtts.Count, loss, rtts.Min(), rtts.Average(), rtts.Max());
    }

    private async Task<PingReply> SendAsync(Ping ping, IPAddress address, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await ping.SendPingAsync(address, timeout, buffer, options: null, cancellationToken);
        }
        catch (Exception e) when (e is PingException or PlatformNotSupportedException or UnauthorizedAccessException
                                      or SocketException or Win32Exception or InvalidOperationException)
        {
            throw new HostProviderException($"ICMP echo is not possible on this host: {Innermost(e).Message}", e);
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
