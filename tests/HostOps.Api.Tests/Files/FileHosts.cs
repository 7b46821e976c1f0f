using HostOps.Api.Tests.Infrastructure;
using HostOps.Client;
using HostOps.Contracts.Security;
using HostOps.Providers;
using HostOps.Testing.Agents;
using HostOps.Testing.Fixtures;
using HostOps.Testing.Nats;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Api.Tests.Files;

/// <summary>
/// One API and three real agents, shared by a test class: each agent's file root is a temporary machine of its own
/// with <c>/etc/app</c>, and host changes are allowed for these agents only (their roots are throw-away).
/// </summary>
public sealed class FileHosts : IAsyncLifetime
{
    private readonly NatsFixture _nats = new();
    private readonly List<TestAgent> _agents = [];

    public TestApi Api { get; private set; } = null!;

    public HostOpsApiClient Client { get; private set; } = null!;

    public List<TempMachine> Machines { get; } = [];

    public IReadOnlyList<TestAgent> Agents => _agents;

    public async ValueTask InitializeAsync()
    {
        await _nats.InitializeAsync();
        Api = await TestApi.StartAsync(_nats.Url, withAgent: false);
        Client = new HostOpsApiClient(Api.Client, TestTokens.ForRole(Scopes.Write));
        var baseName = Api.Factory.Configuration["job:worker:hostname"]!;
        foreach (var suffix in new[] { "a", "b", "c" })
        {
            var machine = new TempMachine().CreateDirectory("/etc/app");
            Machines.Add(machine);
            _agents.Add(await TestAgent.StartAsync(Api.Factory.Configuration, $"{baseName}-{suffix}", configureServices: s => s
                .AddSingleton(machine.Root)
                .AddSingleton(new HostChangeGuard(() => true))));
        }

        await Eventually.TrueAsync(
            async () => (await Client.GetWorkersAsync(TestContext.Current.CancellationToken)).Workers.Count == 3, what: "three agents are live");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }

        Client.Dispose();
        await Api.DisposeAsync();
        Machines.ForEach(m => m.Dispose());
        await _nats.DisposeAsync();
    }
}
