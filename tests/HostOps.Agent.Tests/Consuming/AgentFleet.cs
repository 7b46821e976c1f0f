using HostOps.Agent.Operations;
using HostOps.Testing.Agents;
using HostOps.Testing.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Agent.Tests.Consuming;

/// <summary>A job system plus in-process agents that run the <see cref="RecordingHandler"/>.</summary>
internal sealed class AgentFleet : IAsyncDisposable
{
    private readonly List<TestAgent> _agents = [];

    private AgentFleet(TestJobSystem system) => System = system;

    public TestJobSystem System { get; }

    public RecordingHandler.Journal Journal { get; } = new();

    public static async Task<AgentFleet> StartAsync(string natsUrl, IDictionary<string, string?>? settings = null) =>
        new(await TestJobSystem.StartAsync(natsUrl, TestJobConfiguration.Create(natsUrl, settings)));

    public async Task<TestAgent> AddAgentAsync(
        string hostname, IDictionary<string, string>? labels = null, int maxJobs = 4, Action<IServiceCollection>? configureServices = null)
    {
        var agent = await TestAgent.StartAsync(
            System.Configuration,
            hostname,
            labels,
            services =>
            {
                services.AddSingleton(Journal);
                services.AddOperationHandler<RecordingHandler>();
                configureServices?.Invoke(services);
            },
            maxJobs);
        _agents.Add(agent);
        await WaitUntilLiveAsync(hostname);
        return agent;
    }

    private async Task WaitUntilLiveAsync(string hostname)
    {
        for (var i = 0; i < 100; i++)
        {
            var workers = await System.Client.GetWorkersAsync(CancellationToken.None);
            if (workers.Workers.Any(w => w.Hostname == hostname))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"agent {hostname} never showed up in the registry");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }

        await System.DisposeAsync();
    }
}
