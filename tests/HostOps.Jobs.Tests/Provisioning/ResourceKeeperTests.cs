using HostOps.Jobs.Configuration;
using HostOps.Jobs.Provisioning;
using HostOps.Testing.Jobs;
using HostOps.Testing.Nats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;
using Shouldly;
using Xunit;

namespace HostOps.Jobs.Tests.Provisioning;

/// <summary>The API side's <c>ResourceKeeper</c>: streams and buckets come back by themselves once NATS answers again.</summary>
public sealed class ResourceKeeperTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Resources_are_created_once_nats_answers_when_it_was_down_at_start()
    {
        var port = NatsServerProcess.FreeTcpPort();
        using var host = await StartJobCoreAsync($"nats://127.0.0.1:{port}");
        var options = host.Services.GetRequiredService<IOptions<JobOptions>>().Value;

        await using var server = await NatsServerProcess.StartAsync(port: port, cancellationToken: Ct);
        await using var connection = server.Connect();

        await WaitUntilAllExistAsync(connection, options);
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task A_bucket_deleted_while_connected_is_re_created_on_the_next_reconnect()
    {
        using var host = await StartJobCoreAsync(nats.Url);
        var options = host.Services.GetRequiredService<IOptions<JobOptions>>().Value;
        await JobResources.EnsureAsync(nats.Connection, options, Ct);
        var kv = new NatsKVContext(new NatsJSContext(nats.Connection));

        // The keeper's own start may still be creating resources: delete until the bucket stays gone.
        await HostOps.Testing.Eventually.TrueAsync(async () =>
        {
            await Exists(() => kv.DeleteStoreAsync(options.Kv.Bucket, Ct).AsTask());
            await Task.Delay(300, Ct);
            return !await Exists(() => kv.GetStoreAsync(options.Kv.Bucket, Ct).AsTask());
        });

        await host.Services.GetRequiredService<INatsConnection>().ReconnectAsync();

        await WaitUntilAllExistAsync(nats.Connection, options);
        await host.StopAsync(Ct);
    }

    private static async Task<IHost> StartJobCoreAsync(string natsUrl)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddConfiguration(TestJobConfiguration.Create(natsUrl));
        builder.Services.AddHostOpsJobCore(builder.Configuration);
        builder.Services.AddHostedService<ResourceKeeper>();
        var host = builder.Build();
        await host.StartAsync(Ct);
        return host;
    }

    private static async Task WaitUntilAllExistAsync(NatsConnection connection, JobOptions options)
    {
        var js = new NatsJSContext(connection);
        var kv = new NatsKVContext(js);
        var checks = new (string Name, Func<Task> Read)[]
        {
            (options.Stream.Name, () => js.GetStreamAsync(options.Stream.Name, cancellationToken: Ct).AsTask()),
            (options.Dlq.Name, () => js.GetStreamAsync(options.Dlq.Name, cancellationToken: Ct).AsTask()),
            (options.Kv.Bucket, () => kv.GetStoreAsync(options.Kv.Bucket, Ct).AsTask()),
            (options.Registry.Bucket, () => kv.GetStoreAsync(options.Registry.Bucket, Ct).AsTask()),
        };
        var deadline = DateTime.UtcNow + Within;
        foreach (var (name, read) in checks)
        {
            while (!await Exists(read))
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, $"{name} was not created within {Within}");
                await Task.Delay(100, Ct);
            }
        }
    }

    private static async Task<bool> Exists(Func<Task> read)
    {
        try
        {
            await read();
            return true;
        }
        catch (NatsJSApiException e) when (e.Error.Code == 404)
        {
            return false;
        }
        catch (NatsKVException)
        {
            return false;
        }
    }
}
