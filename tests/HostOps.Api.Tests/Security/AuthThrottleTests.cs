using System.Net;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;
using HostOps.Testing.Nats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HostOps.Api.Tests.Security;

public sealed class AuthThrottleTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private static readonly Dictionary<string, string?> ThreeFailuresPerMinute = new()
    {
        ["api:server:security:auth_throttle:max_failures"] = "3",
        ["api:server:security:auth_throttle:window"] = "1m",
    };

    [Fact]
    public async Task Repeated_failures_from_one_address_get_429_with_retry_after_until_the_window_passes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = await TestApi.StartAsync(nats.Url, withAgent: false, ThreeFailuresPerMinute, s => s.AddSingleton<TimeProvider>(clock));
        var good = TestTokens.ForRole(Scopes.Read);

        for (var i = 0; i < 3; i++)
        {
            using var failed = await api.Client.SendAsync(HttpMethod.Get, "/job/status", "guess-" + i);
            failed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var throttled = await api.Client.SendAsync(HttpMethod.Get, "/job/status", good);
        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(60));
        var error = await throttled.ReadErrorAsync();
        error.Code.ShouldBe(429);
        error.Details.ShouldBe("retry after 60 s");

        using var live = await api.Client.SendAsync(HttpMethod.Get, "/health");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);

        clock.Advance(TimeSpan.FromSeconds(45));
        using var stillThrottled = await api.Client.SendAsync(HttpMethod.Get, "/job/status", good);
        stillThrottled.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(15));

        clock.Advance(TimeSpan.FromSeconds(16));
        using var allowed = await api.Client.SendAsync(HttpMethod.Get, "/job/status", good);
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Failures_spread_wider_than_the_window_are_never_throttled()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = await TestApi.StartAsync(nats.Url, withAgent: false, ThreeFailuresPerMinute, s => s.AddSingleton<TimeProvider>(clock));

        for (var i = 0; i < 6; i++)
        {
            using var failed = await api.Client.SendAsync(HttpMethod.Get, "/job/status", "guess-" + i);
            failed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"attempt {i}");
            clock.Advance(TimeSpan.FromSeconds(31));
        }
    }
}
