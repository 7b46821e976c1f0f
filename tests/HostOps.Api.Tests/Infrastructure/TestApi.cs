using HostOps.Agent.Operations;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Provisioning;
using HostOps.Testing.Agents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;

namespace HostOps.Api.Tests.Infrastructure;

/// <summary>
/// An API test server with its job resources provisioned and, optionally, one agent in the test process whose
/// handlers give canned answers (the agent pipeline is real; the host is never touched).
/// </summary>
public sealed class TestApi : IAsyncDisposable
{
    private TestApi(ApiFactory factory, TestAgent? agent)
    {
        Factory = factory;
        Agent = agent;
        Client = factory.CreateClient();
    }

    public ApiFactory Factory { get; }

    public TestAgent? Agent { get; }

    public HttpClient Client { get; }

    public string AgentHostname => Agent?.Hostname ?? throw new InvalidOperationException("no agent");

    public IServiceProvider Services => Factory.Services;

    public static async Task<TestApi> StartAsync(
        string natsUrl, bool withAgent = true, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? agentSettings = null)
    {
        var factory = new ApiFactory(natsUrl, settings, services);
        await ProvisionAsync(natsUrl, factory.Configuration);
        TestAgent? agent = null;
        if (withAgent)
        {
            var hostname = factory.Configuration["job:worker:hostname"]!;
            // The agent shares the API's configuration but never its metrics port.
            agent = await TestAgent.StartAsync(factory.Configuration, hostname, new Dictionary<string, string> { ["role"] = "test" }, s =>
            {
                foreach (var handler in CannedHandlers.For(hostname))
                {
                    s.AddSingleton<IOperationHandler>(handler);
                }
            }, settings: agentSettings ?? new Dictionary<string, string?> { ["metrics:listen"] = "" });
        }

        return new TestApi(factory, agent);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (Agent is not null)
        {
            await Agent.DisposeAsync();
        }

        await Factory.DisposeAsync();
    }

    private static async Task ProvisionAsync(string natsUrl, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        var nats = configuration.GetSection(NatsConnectionOptions.Section).Get<NatsConnectionOptions>() ?? new NatsConnectionOptions { Url = natsUrl };
        await using var connection = new NatsConnection(NatsClientOptions.For(nats, "hostops-test-provision"));
        await JobResources.EnsureAsync(connection, options, TestContext.Current.CancellationToken);
    }
}
