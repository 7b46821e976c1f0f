using HostOps.Testing.Nats;

namespace HostOps.Api.Tests.Infrastructure;

/// <summary>One nats-server and one API with its agent, shared by the tests of a class that need no settings of their own.</summary>
public sealed class SharedApi : IAsyncLifetime
{
    public NatsFixture Nats { get; } = new();

    public TestApi Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Nats.InitializeAsync();
        Api = await TestApi.StartAsync(Nats.Url);
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Nats.DisposeAsync();
    }
}
