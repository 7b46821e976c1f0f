using HostOps.Nats.Server;
using Shouldly;
using Xunit;

namespace HostOps.Nats.Tests.Server;

public sealed class RestartBackoffTests
{
    private static readonly TimeSpan Briefly = TimeSpan.FromSeconds(2);

    [Fact]
    public void Starts_at_one_second_and_doubles_up_to_thirty()
    {
        var backoff = new RestartBackoff();

        var delays = Enumerable.Range(0, 8).Select(_ => backoff.Next(Briefly).TotalSeconds).ToList();

        delays.ShouldBe([1, 2, 4, 8, 16, 30, 30, 30]);
    }

    [Fact]
    public void A_run_that_stayed_up_a_minute_starts_the_series_again()
    {
        var backoff = new RestartBackoff();
        backoff.Next(Briefly);
        backoff.Next(Briefly);
        backoff.Next(Briefly).ShouldBe(TimeSpan.FromSeconds(4));

        backoff.Next(TimeSpan.FromSeconds(60)).ShouldBe(TimeSpan.FromSeconds(1));
        backoff.Next(TimeSpan.FromSeconds(59)).ShouldBe(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void The_steps_can_be_set()
    {
        var backoff = new RestartBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));

        Enumerable.Range(0, 4).Select(_ => backoff.Next(TimeSpan.Zero).TotalMilliseconds).ShouldBe([100, 200, 250, 250]);
    }
}
