using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;
using HostOps.Jobs.Provisioning;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Store;
using HostOps.Testing;
using HostOps.Testing.Agents;
using HostOps.Testing.Jobs;
using HostOps.Testing.Nats;
using Microsoft.Extensions.Configuration;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Consuming;

/// <summary>An agent announces itself only once it can take work, and leaves only once its work is done.</summary>
public sealed class AgentLifecycleTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_agent_heartbeats_only_once_its_consumers_exist()
    {
        var configuration = TestJobConfiguration.Create(nats.Url);
        await using var system = await TestJobSystem.StartAsync(nats.Url, configuration);
        var js = system.Buckets.JetStream;

        // A stream holding the job subjects keeps JOBS (and so the agent's consumers) from being created again; the
        // resource keeper may re-create JOBS meanwhile, so delete it until the blocker takes its place.
        var blocker = NatsFixture.UniqueName("BLOCKER");
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await js.DeleteStreamAsync(system.Options.Stream.Name, Ct);
            }
            catch (NatsJSApiException)
            {
            }

            try
            {
                await js.CreateStreamAsync(new StreamConfig(blocker, [$"{system.Options.Stream.SubjectPrefix}.>"]) { Storage = StreamConfigStorage.Memory }, Ct);
                return true;
            }
            catch (NatsJSApiException)
            {
                return false;
            }
        });
        var registry = await system.Buckets.RegistryAsync(Ct);
        var starting = TestAgentWithoutWaitingAsync(configuration, "early");

        // No stream, so no consumers: the agent must not be listed as live, though the registry is there.
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        (await registry.TryGetEntryAsync<byte[]>(JobKeys.Agent("early"), cancellationToken: Ct)).Success.ShouldBeFalse();

        await js.DeleteStreamAsync(blocker, Ct);
        await JobResources.EnsureAsync(system.Buckets.Connection, system.Options, Ct);
        await using var agent = await starting;
        (await ConsumerNamesAsync(system)).Count.ShouldBe(3);
        await Eventually.TrueAsync(async () => (await registry.TryGetEntryAsync<byte[]>(JobKeys.Agent("early"), cancellationToken: Ct)).Success);
    }

    [Fact]
    public async Task A_stopping_agent_finishes_its_job_before_it_leaves_the_registry()
    {
        await using var fleet = await AgentFleet.StartAsync(nats.Url);
        fleet.Journal.BlockOn = "leaving";
        var leaving = await fleet.AddAgentAsync("leaving");
        var id = (await fleet.System.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "_any", Ct)).JobId;
        await fleet.Journal.Blocked.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var stopping = leaving.StopAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        (await fleet.System.Client.GetWorkersAsync(Ct)).Workers.Select(w => w.Hostname).ShouldContain("leaving");
        fleet.Journal.Release.TrySetResult();
        await stopping;

        (await fleet.System.Client.GetAsync(id, Ct))!.Status.ShouldBe(JobStatus.Completed);
        var registry = await fleet.System.Buckets.RegistryAsync(Ct);
        (await registry.TryGetEntryAsync<byte[]>(JobKeys.Agent("leaving"), cancellationToken: Ct)).Success.ShouldBeFalse();
    }

    [Fact]
    public void Consumer_names_of_different_labels_or_hosts_never_collide()
    {
        JobConsumers.NameOf("web1", "label.group.web.dev").ShouldNotBe(JobConsumers.NameOf("web1", "label.group_web.dev"));
        JobConsumers.NameOf("a.b", "_all").ShouldNotBe(JobConsumers.NameOf("a_b", "_all"));
        JobConsumers.NameOf("web1", "_any").ShouldBe(JobConsumers.SharedName);
        JobConsumers.NameOf(new string('h', 200), "_all").Length.ShouldBeLessThanOrEqualTo(64);
    }

    [Fact]
    public async Task Agents_labelled_web_dot_dev_and_group_web_dev_keep_their_own_consumers_and_jobs()
    {
        await using var fleet = await AgentFleet.StartAsync(nats.Url);
        await fleet.AddAgentAsync("dotted", new Dictionary<string, string> { ["group"] = "web.dev" });
        await fleet.AddAgentAsync("underscored", new Dictionary<string, string> { ["group_web"] = "dev" });

        var id = (await fleet.System.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "group:web.dev", Ct)).JobId;

        var job = await fleet.System.Client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(10), Ct);
        job!.Status.ShouldBe(JobStatus.Completed);
        fleet.Journal.Runs.ShouldBe(["dotted"]);
        (await ConsumerNamesAsync(fleet.System)).Count.ShouldBe(1 + (2 + 2) + (2 + 1));
    }

    [Fact]
    public async Task A_starting_agent_never_rewrites_the_shared_consumer_of_the_others()
    {
        var configuration = TestJobConfiguration.Create(nats.Url);
        await using var system = await TestJobSystem.StartAsync(nats.Url, configuration);
        await using var first = await TestAgent.StartAsync(configuration, "first");
        var slower = new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["job:consumer:ack_wait"] = "9s" })
            .Build();
        await using var second = await TestAgent.StartAsync(slower, "second");

        var shared = await system.Buckets.JetStream.GetConsumerAsync(system.Options.Stream.Name, JobConsumers.SharedName, Ct);
        shared.Info.Config.AckWait.ShouldBe(TimeSpan.FromSeconds(2));
        var own = await system.Buckets.JetStream.GetConsumerAsync(system.Options.Stream.Name, JobConsumers.NameOf("second", "_all"), Ct);
        own.Info.Config.AckWait.ShouldBe(TimeSpan.FromSeconds(9));
    }

    [Fact]
    public async Task The_consumers_of_an_agent_that_is_gone_are_removed_after_the_inactive_threshold()
    {
        var configuration = TestJobConfiguration.Create(nats.Url, new Dictionary<string, string?> { ["job:consumer:inactive_threshold"] = "1s" });
        await using var system = await TestJobSystem.StartAsync(nats.Url, configuration);
        var gone = await TestAgent.StartAsync(configuration, "gone");
        (await ConsumerNamesAsync(system)).Count.ShouldBe(3);

        await gone.CrashAsync();

        await Eventually.TrueAsync(
            async () => (await ConsumerNamesAsync(system)).SequenceEqual([JobConsumers.SharedName]), TimeSpan.FromSeconds(15), "only the shared consumer left");
        await gone.DisposeAsync();
    }

    private static async Task<List<string>> ConsumerNamesAsync(TestJobSystem system)
    {
        var names = new List<string>();
        await foreach (var name in system.Buckets.JetStream.ListConsumerNamesAsync(system.Options.Stream.Name, Ct))
        {
            names.Add(name);
        }

        return names;
    }

    private static async Task<TestAgent> TestAgentWithoutWaitingAsync(IConfiguration configuration, string hostname)
    {
        await Task.Yield();
        return await TestAgent.StartAsync(configuration, hostname);
    }
}
