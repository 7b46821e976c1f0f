using System.Diagnostics;
using System.Net;
using HostOps.Providers.Network;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Network;

public sealed class PingProviderTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pings_loopback_or_says_clearly_why_it_cannot()
    {
        var provider = new PingProvider(TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(2));
        PingSummary summary;
        try
        {
            summary = await provider.PingAsync(IPAddress.Loopback, 3, Ct);
        }
        catch (HostProviderException e)
        {
            // Hosts without ICMP permission (no raw sockets, no ping binary) must get this message, not a crash.
            e.Message.ShouldStartWith("ICMP echo is not possible on this host: ");
            return;
        }

        summary.Sent.ShouldBe(3);
        summary.Received.ShouldBe(3);
        summary.PacketLossPercent.ShouldBe(0);
        summary.MinRtt.ShouldBeLessThanOrEqualTo(summary.AvgRtt);
        summary.AvgRtt.ShouldBeLessThanOrEqualTo(summary.MaxRtt);
        summary.MaxRtt.ShouldBeLessThan(2000);
    }

    [Fact]
    public async Task A_long_series_stops_when_the_job_is_cancelled()
    {
        var provider = new PingProvider(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;

        // Either the echo or the wait between echoes sees the cancellation; a refused echo is the other clean ending.
        var error = await Should.ThrowAsync<Exception>(() => provider.PingAsync(IPAddress.Loopback, 5, cancel.Token));

        (error is OperationCanceledException || error.Message.StartsWith("ICMP echo is not possible", StringComparison.Ordinal)).ShouldBeTrue(error.ToString());
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Echoes_go_out_on_schedule_so_unanswered_ones_end_within_intervals_plus_one_timeout()
    {
        // Every echo goes unanswered for its whole timeout: one after the other, 5 would take 5 × 600 ms.
        var sent = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        var provider = new PingProvider(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(600), async (_, timeout, cancellationToken) =>
        {
            lock (sent)
            {
                sent.Add(clock.Elapsed);
            }

            await Task.Delay(timeout, cancellationToken);
            return null;
        });

        var summary = await provider.PingAsync(IPAddress.Loopback, 5, Ct);

        summary.Sent.ShouldBe(5);
        summary.Received.ShouldBe(0);
        summary.PacketLossPercent.ShouldBe(100);
        sent.Count.ShouldBe(5);
        sent[^1].ShouldBeLessThan(TimeSpan.FromMilliseconds(600), "the last echo left only after the earlier ones timed out");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMilliseconds(1800));
    }

    [Fact]
    public async Task Replies_are_summarised_in_the_order_sent()
    {
        var rtts = new Queue<double?>([1.5, null, 3.5]);
        var provider = new PingProvider(TimeSpan.Zero, TimeSpan.FromSeconds(1), (_, _, _) => Task.FromResult(rtts.Dequeue()));

        var summary = await provider.PingAsync(IPAddress.Loopback, 3, Ct);

        summary.ShouldBe(new PingSummary(3, 2, 33.3, 1.5, 2.5, 3.5));
    }

    [Fact]
    public async Task A_count_below_one_is_a_programming_error() =>
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => new PingProvider().PingAsync(IPAddress.Loopback, 0, Ct));
}
