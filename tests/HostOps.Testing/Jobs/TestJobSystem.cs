using HostOps.Jobs;
using HostOps.Jobs.Client;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Provisioning;
using HostOps.Jobs.Store;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace HostOps.Testing.Jobs;

/// <summary>The API side of a job system on the test server, with its own resources, started and provisioned.</summary>
public sealed class TestJobSystem : IAsyncDisposable
{
    private readonly IHost _host;

    private TestJobSystem(IHost host, IConfiguration configuration)
    {
        _host = host;
        Configuration = configuration;
    }

    public IConfiguration Configuration { get; }

    public IServiceProvider Services => _host.Services;

    public JobClient Client => Services.GetRequiredService<JobClient>();

    public JobBuckets Buckets => Services.GetRequiredService<JobBuckets>();

    public JobOptions Options => Services.GetRequiredService<IOptions<JobOptions>>().Value;

    public static async Task<TestJobSystem> StartAsync(string natsUrl, IConfiguration? configuration = null)
    {
        configuration ??= TestJobConfiguration.Create(natsUrl);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddHostOpsJobs(builder.Configuration);
        var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<JobOptions>>().Value;
        await JobResources.EnsureAsync(host.Services.GetRequiredService<INatsConnection>(), options, CancellationToken.None);
        await host.StartAsync();
        return new TestJobSystem(host, configuration);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
