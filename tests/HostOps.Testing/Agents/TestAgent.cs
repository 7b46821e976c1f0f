using HostOps.Agent;
using HostOps.Agent.Consuming;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NATS.Client.Core;

namespace HostOps.Testing.Agents;

/// <summary>
/// An agent running in the test process with its own NATS connection, hostname and labels, sharing a job
/// system's configuration. <see cref="CrashAsync"/> drops its connection without a word, as a killed process would.
/// </summary>
public sealed class TestAgent : IAsyncDisposable
{
    private readonly IHost _host;

    private TestAgent(IHost host, string hostname)
    {
        _host = host;
        Hostname = hostname;
    }

    public string Hostname { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<TestAgent> StartAsync(
        IConfiguration jobConfiguration, string hostname, IDictionary<string, string>? labels = null,
        Action<IServiceCollection>? configureServices = null, int maxJobs = 4, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["job:worker:hostname"] = hostname,
            ["job:worker:max_jobs"] = maxJobs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            values[$"job:worker:labels:{key}"] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddConfiguration(jobConfiguration);
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddHostOpsAgent(builder.Configuration);
        configureServices?.Invoke(builder.Services);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<AgentWorker>().Started.WaitAsync(TimeSpan.FromSeconds(10));
        return new TestAgent(host, hostname);
    }

    /// <summary>Kills the agent's connection: no nak, no ack, no registry removal.</summary>
    public async Task CrashAsync() => await _host.Services.GetRequiredService<INatsConnection>().DisposeAsync();

    public Task StopAsync() => _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException or NatsException)
        {
        }

        _host.Dispose();
    }
}
