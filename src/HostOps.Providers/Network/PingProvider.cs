using System.ComponentModel;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using HostOps.Contracts.Operations;

namespace HostOps.Providers.Network;

/// <summary>Sends one ICMP echo; the round-trip time in milliseconds, or null when no reply came within <paramref name="timeout"/>.</summary>
public delegate Task<double?> EchoSender(IPAddress address, TimeSpan timeout, CancellationToken cancellationToken);

/// <summary>
/// ICMP echo through <see cref="Ping"/>. Echoes go out on a fixed schedule, one every 200 ms (the shortest interval
/// ping(8) allows an unprivileged user), each waiting up to 2 s for its reply, without waiting for the previous
/// reply: a series ends within <see cref="InputRules.PingDuration"/> (21.8 s for the largest count, 100) even when
/// no reply ever comes, so the API can refuse a count that would outlast its job timeout.
/// </summary>
public sealed class PingProvider
{
    private static readonly byte[] Payload = new byte[32];
    private readonly TimeSpan interval;
    private readonly TimeSpan timeout;
    private readonly EchoSender send;

    public PingProvider()
        : this(InputRules.PingInterval, InputRules.PingReplyTimeout)
    {
    }

    public PingProvider(TimeSpan interval, TimeSpan timeout)
        : this(interval, timeout, SendEchoAsync)
    {
    }

    public PingProvider(TimeSpan interval, TimeSpan timeout, EchoSender send)
    {
        this.interval = interval;
        this.timeout = timeout;
        this.send = send;
    }

    public async Task<PingSummary> PingAsync(IPAddress address, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var echoes = new List<Task<double?>>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    await Task.Delay(interval, cancellationToken);
                }

                echoes.Add(send(address, timeout, cancellationToken));
            }
        }
        finally
        {
            // Every echo sent ends within its timeout (or at cancellation); none is left running unobserved.
            await Task.WhenAll(echoes).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        var rtts = new List<double>(count);
        foreach (var echo in echoes)
        {
            if (await echo is { } rtt)
            {
                rtts.Add(rtt);
            }
        }

        var loss = Math.Round((count - rtts.Count) * 100.0 / count, 1);
        return rtts.Count == 0
            ? new PingSummary(count, 0, loss, 0, 0, 0)
            : new PingSummary(count, rtts.Count, loss, rtts.Min(), rtts.Average(), rtts.Max());
    }

    private static async Task<double?> SendEchoAsync(IPAddress address, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var ping = new Ping();
        try
        {
            var reply = await ping.SendPingAsync(address, timeout, Payload, options: null, cancellationToken);
            return reply.Status == IPStatus.Success ? reply.RoundtripTime : null;
        }
        catch (Exception e) when (e is PingException or PlatformNotSupportedException or UnauthorizedAccessException
                                      or SocketException or Win32Exception or InvalidOperationException)
        {
            throw new HostProviderException($"ICMP echo is not possible on this host: {Innermost(e).Message}", e);
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
