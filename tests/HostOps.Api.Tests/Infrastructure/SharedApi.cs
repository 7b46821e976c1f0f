using HostOps.Testing.Nats;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Api.Tests.Infrastructure;

/// <summary>
/// One nats-server and one API with its agent, shared by the tests of a class that need no settings of their own
/// (<c>IClassFixture&lt;SharedApi&gt;</c>): each start costs seconds, so a class starts one instead of one per test.
/// The tests of a class run one at a time; they keep apart by unique names and by reading only what they made.
/// </summary>
public class SharedApi : IAsyncLifetime
{
    public NatsFixture Nats { get; } = new();

    public TestApi Api { get; private set; } = null!;

    /// <summary>Whether the API gets its agent in the test process (<see cref="SharedApiWithoutAgent"/> does not).</summary>
    protected virtual bool WithAgent => true;

    /// <summary>Services the API gets in place of its own, e.g. a clock (<see cref="Errors.ExplodingClockApi"/>).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async ValueTask InitializeAsync()
    {
        await Nats.InitializeAsync();
        Api = await TestApi.StartAsync(Nats.Url, withAgent: WithAgent, services: ConfigureServices);
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Nats.DisposeAsync();
    }
}

/// <summary>A <see cref="SharedApi"/> with no agent: for classes whose tests need no host to answer.</summary>
public sealed class SharedApiWithoutAgent : SharedApi
{
    protected override bool WithAgent => false;
}
