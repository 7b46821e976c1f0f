using HostOps.Jobs.Configuration;
using HostOps.Jobs.Provisioning;
using HostOps.Testing.Jobs;
using HostOps.Testing.Nats;
using Microsoft.Extensions.Configuration;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Client.KeyValueStore;
using Shouldly;
using Xunit;

namespace HostOps.Jobs.Tests.Provisioning;

public sealed class JobResourcesTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Provisioning_creates_every_stream_and_bucket()
    {
        var options = Options();

        await JobResources.EnsureAsync(nats.Connection, options, Ct);

        var js = new NatsJSContext(nats.Connection);
        var jobs = await js.GetStreamAsync(options.Stream.Name, cancellationToken: Ct);
        jobs.Info.Config.Subjects.ShouldBe([$"{options.Stream.SubjectPrefix}.>"]);
        jobs.Info.Config.MaxAge.ShouldBe(TimeSpan.FromHours(24));
        jobs.Info.Config.Storage.ShouldBe(StreamConfigStorage.Memory);
        var dlq = await js.GetStreamAsync(options.Dlq.Name, cancellationToken: Ct);
        dlq.Info.Config.MaxAge.ShouldBe(TimeSpan.FromHours(168));
        var kv = new NatsKVContext(js);
        foreach (var bucket in new[] { options.Kv.Bucket, options.Kv.ResponseBucket, options.Registry.Bucket })
        {
            (await kv.GetStoreAsync(bucket, Ct)).Bucket.ShouldBe(bucket);
        }

        (await (await kv.GetStoreAsync(options.Registry.Bucket, Ct)).GetStatusAsync(Ct)).Info.Config.MaxAge.ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Provisioning_twice_changes_nothing()
    {
        var options = Options();
        await JobResources.EnsureAsync(nats.Connection, options, Ct);
        var js = new NatsJSContext(nats.Connection);
        var created = (await js.GetStreamAsync(options.Stream.Name, cancellationToken: Ct)).Info.Created;

        await JobResources.EnsureAsync(nats.Connection, options, Ct);

        var again = await js.GetStreamAsync(options.Stream.Name, cancellationToken: Ct);
        again.Info.Created.ShouldBe(created);
        again.Info.Config.MaxAge.ShouldBe(options.Stream.MaxAge.Value);
    }

    [Fact]
    public async Task A_changed_limit_is_applied_in_place()
    {
        var options = Options();
        await JobResources.EnsureAsync(nats.Connection, options, Ct);

        options.Stream.MaxAge = Contracts.Text.Duration.FromSeconds(3600);
        options.Kv.Ttl = Contracts.Text.Duration.FromSeconds(7200);
        await JobResources.EnsureAsync(nats.Connection, options, Ct);

        var js = new NatsJSContext(nats.Connection);
        (await js.GetStreamAsync(options.Stream.Name, cancellationToken: Ct)).Info.Config.MaxAge.ShouldBe(TimeSpan.FromHours(1));
        var store = await new NatsKVContext(js).GetStoreAsync(options.Kv.Bucket, Ct);
        (await store.GetStatusAsync(Ct)).Info.Config.MaxAge.ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task A_change_the_server_cannot_make_in_place_names_the_resource()
    {
        var options = Options();
        await JobResources.EnsureAsync(nats.Connection, options, Ct);

        options.Stream.Storage = "file";
        var error = await Should.ThrowAsync<ProvisioningException>(() => JobResources.EnsureAsync(nats.Connection, options, Ct));

        error.Message.ShouldContain($"stream {options.Stream.Name}");
    }

    private JobOptions Options()
    {
        var options = new JobOptions();
        TestJobConfiguration.Create(nats.Url).GetSection(JobOptions.Section).Bind(options);
        return options;
    }
}
