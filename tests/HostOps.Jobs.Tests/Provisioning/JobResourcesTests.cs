using HostOps.Contracts.Text;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Provisioning;
using HostOps.Jobs.Routing;
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
        foreach (var bucket in new[] { options.Kv.Bucket, options.Registry.Bucket })
        {
            (await kv.GetStoreAsync(bucket, Ct)).Bucket.ShouldBe(bucket);
        }

        (await (await kv.GetStoreAsync(options.Registry.Bucket, Ct)).GetStatusAsync(Ct)).Info.Config.MaxAge.ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Every_stream_and_bucket_has_its_max_bytes_and_only_the_dead_letters_discard_old()
    {
        var options = Options();
        options.Stream.MaxBytes = ByteSize.FromMebibytes(3);
        options.Kv.MaxBytes = ByteSize.FromMebibytes(5);
        options.Dlq.MaxBytes = ByteSize.FromMebibytes(2);
        options.Registry.MaxBytes = ByteSize.FromMebibytes(1);

        await JobResources.EnsureAsync(nats.Connection, options, Ct);

        var js = new NatsJSContext(nats.Connection);
        (string Stream, long MaxBytes, StreamConfigDiscard Discard)[] expected =
        [
            (options.Stream.Name, 3 << 20, StreamConfigDiscard.New), // a full stream refuses the submit, never drops a queued job
            ($"KV_{options.Kv.Bucket}", 5 << 20, StreamConfigDiscard.New),
            ($"KV_{options.Registry.Bucket}", 1 << 20, StreamConfigDiscard.New),
            (options.Dlq.Name, 2 << 20, StreamConfigDiscard.Old), // dead-lettering never blocks; the oldest go first
        ];
        foreach (var (stream, maxBytes, discard) in expected)
        {
            var config = (await js.GetStreamAsync(stream, cancellationToken: Ct)).Info.Config;
            (config.MaxBytes, config.Discard).ShouldBe((maxBytes, discard), stream);
        }
    }

    [Fact]
    public async Task A_full_jobs_stream_refuses_a_publish_instead_of_dropping_the_oldest()
    {
        var options = Options();
        options.Stream.MaxBytes = new ByteSize(1024);
        await JobResources.EnsureAsync(nats.Connection, options, Ct);
        var js = new NatsJSContext(nats.Connection);

        NatsJSApiException? refused = null;
        for (var i = 0; i < 100 && refused is null; i++)
        {
            var ack = await js.PublishAsync($"{options.Stream.SubjectPrefix}.query._any", new string('x', 100), cancellationToken: Ct);
            refused = ack.Error is null ? null : new NatsJSApiException(ack.Error);
        }

        refused.ShouldNotBeNull().Error.Description.ShouldBe("maximum bytes exceeded");
        (await js.GetStreamAsync(options.Stream.Name, cancellationToken: Ct)).Info.State.FirstSeq.ShouldBe(1UL);
    }

    [Fact]
    public async Task A_max_bytes_the_server_cannot_reserve_names_the_key_to_lower()
    {
        var options = Options();
        options.Stream.MaxBytes = ByteSize.Parse("100TiB");

        var error = await Should.ThrowAsync<ProvisioningException>(() => JobResources.EnsureAsync(nats.Connection, options, Ct));

        error.Message.ShouldBe(
            $"stream {options.Stream.Name}: max_bytes 100TiB does not fit in nats-server's JetStream limits (insufficient memory resources available); " +
            "lower job.stream.max_bytes or give nats-server more JetStream memory");
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
        options.Stream.MaxBytes = ByteSize.FromMebibytes(8);
        await JobResources.EnsureAsync(nats.Connection, options, Ct);

        var js = new NatsJSContext(nats.Connection);
        var jobs = (await js.GetStreamAsync(options.Stream.Name, cancellationToken: Ct)).Info.Config;
        jobs.MaxAge.ShouldBe(TimeSpan.FromHours(1));
        jobs.MaxBytes.ShouldBe(8L << 20);
        var store = await new NatsKVContext(js).GetStoreAsync(options.Kv.Bucket, Ct);
        (await store.GetStatusAsync(Ct)).Info.Config.MaxAge.ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task An_existing_shared_consumer_keeps_its_settings_but_loses_its_delivery_limit()
    {
        var options = Options();
        var js = new NatsJSContext(nats.Connection);
        await JobResources.EnsureAsync(nats.Connection, options, Ct);
        // As an earlier version made it, with an operator's ack_wait: the server gave up after max_deliver + 1.
        var earlier = JobConsumers.ConfigFor(options, "", JobSubjects.AnyRoute);
        earlier.MaxDeliver = 6;
        earlier.AckWait = TimeSpan.FromSeconds(45);
        await js.DeleteConsumerAsync(options.Stream.Name, JobConsumers.SharedName, Ct);
        await js.CreateConsumerAsync(options.Stream.Name, earlier, Ct);

        await JobResources.EnsureAsync(nats.Connection, options, Ct);

        var shared = (await js.GetConsumerAsync(options.Stream.Name, JobConsumers.SharedName, Ct)).Info.Config;
        shared.MaxDeliver.ShouldBe(-1);
        shared.AckWait.ShouldBe(TimeSpan.FromSeconds(45));
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
