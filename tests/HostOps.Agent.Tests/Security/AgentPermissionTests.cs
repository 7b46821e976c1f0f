using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;
using HostOps.Jobs.Files;
using HostOps.Jobs.Index;
using HostOps.Jobs.Provisioning;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Security;
using HostOps.Jobs.Store;
using HostOps.Testing;
using HostOps.Testing.Agents;
using HostOps.Testing.Jobs;
using HostOps.Testing.Nats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Security;

/// <summary>
/// NATS itself, not our code, keeps an agent to its own work: against a managed server started from its generated
/// configuration, an agent's identity runs jobs, while every act outside its permissions is refused by the server.
/// </summary>
public sealed class AgentPermissionTests(SecuredNatsFixture nats) : IClassFixture<SecuredNatsFixture>
{
    private static readonly TimeSpan Refusal = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> ForbiddenPublishes()
    {
        var id = Guid.NewGuid();
        var otherHostsRoute = JobSubjects.Route(JobTarget.TryParse(SecuredNatsFixture.OtherHost, out _)!);
        var directGet = "$JS.API.DIRECT.GET.KV_{jobs}.$KV.{jobs}.";
        return new TheoryData<string, string>
        {
            { "claim a job sent to another host", $"$KV.{{jobs}}.{JobKeys.Claim(id, 1, otherHostsRoute, SecuredNatsFixture.Host)}" },
            { "read a job definition sent to another host", directGet + JobKeys.Definition(id, otherHostsRoute) },
            { "read a job definition sent to a label it does not have", directGet + JobKeys.Definition(id, "label.group.db") },
            { "read a job definition sent to a deeper label than its own", directGet + JobKeys.Definition(id, "label.group.web.dev.east") },
            { "read a definition through the bucket's direct get without a key", "$JS.API.DIRECT.GET.KV_{jobs}" },
            { "read another host's claim of a job sent to it", directGet + JobKeys.Claim(id, 1, otherHostsRoute, SecuredNatsFixture.OtherHost) },
            { "read another host's events", directGet + JobKeys.Event(id, 1, JobEventKind.Dlq, SecuredNatsFixture.OtherHost) },
            { "publish a job notification", $"{{stream_prefix}}.query._any.{id:D}" },
            { "store a job definition", $"$KV.{{jobs}}.jobs.{id:D}" },
            { "write another host's event", $"$KV.{{jobs}}.events.{id:D}.1.started.{SecuredNatsFixture.OtherHost}" },
            { "write another host's answer to a broadcast", $"$KV.{{jobs}}.{JobKeys.Claim(id, 1, JobSubjects.AllRoute, SecuredNatsFixture.OtherHost)}" },
            { "write another host's registry key", $"$KV.{{registry}}.agents.{SecuredNatsFixture.OtherHost}" },
            { "approve itself in the enrollment bucket", $"$KV.{{enrollments}}.{SecuredNatsFixture.Host}" },
            { "dead-letter as another host", $"{{dlq_prefix}}.{id:D}.{SecuredNatsFixture.OtherHost}" },
            { "create a stream", "$JS.API.STREAM.CREATE.STOLEN" },
            { "delete the job stream", "$JS.API.STREAM.DELETE.{stream}" },
            { "purge the job stream", "$JS.API.STREAM.PURGE.{stream}" },
            { "delete the job bucket", "$JS.API.STREAM.DELETE.KV_{jobs}" },
            { "purge the job bucket", "$JS.API.STREAM.PURGE.KV_{jobs}" },
            { "delete the shared consumer", $"$JS.API.CONSUMER.DELETE.{{stream}}.{JobConsumers.SharedName}" },
            { "create another agent's consumer", "$JS.API.CONSUMER.CREATE.{stream}.{other_consumer}" },
            { "pull from another agent's consumer", "$JS.API.CONSUMER.MSG.NEXT.{stream}.{other_consumer}" },
            { "read another host's answer to a broadcast", directGet + JobKeys.Claim(id, 1, JobSubjects.AllRoute, SecuredNatsFixture.OtherHost) },
            { "read the registry through the stream API", "$JS.API.STREAM.MSG.GET.KV_{registry}" },
            { "put a chunk into the file store", "$O.{files}.C.forged" },
            { "write an object's metadata in the file store", "$O.{files}.M.Zm9yZ2Vk" },
            { "delete the file store", "$JS.API.STREAM.DELETE.OBJ_{files}" },
            { "purge the file store", "$JS.API.STREAM.PURGE.OBJ_{files}" },
            { "delete an object of the file store through the stream API", "$JS.API.STREAM.MSG.DELETE.OBJ_{files}" },
        };
    }

    [Fact]
    public async Task A_client_without_credentials_is_refused()
    {
        var refused = await Should.ThrowAsync<NatsException>(() => nats.ConnectAsync(identity: null));
        (refused.ToString()).ShouldContain("Authorization Violation");
    }

    [Fact]
    public async Task The_control_plane_identity_may_use_everything()
    {
        await using var api = await nats.ConnectAsync(nats.Api);
        var info = await new NATS.Client.JetStream.NatsJSContext(api).GetStreamAsync(nats.Options.Stream.Name, cancellationToken: Ct);
        info.Info.Config.Name.ShouldBe(nats.Options.Stream.Name);
    }

    [Theory]
    [InlineData(SecuredNatsFixture.Host)]
    [InlineData(JobTarget.AnyText)]
    [InlineData(JobTarget.AllText)]
    [InlineData("group:web")]
    public async Task An_agent_with_its_own_identity_runs_a_job_sent_to_it_to_completion(string target)
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url, nats.ConfigurationFor(nats.Api));
        await using var agent = await StartAgentAsync();
        await Eventually.TrueAsync(
            async () => (await system.Client.GetWorkersAsync(Ct)).Workers.Any(w => w.Hostname == SecuredNatsFixture.Host), what: "the agent is live");

        var id = (await system.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), target, Ct)).JobId;

        var job = await system.Client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(20), Ct);
        job.ShouldNotBeNull();
        job.Status.ShouldBe(JobStatus.Completed);
        job.Hostname.ShouldBe(SecuredNatsFixture.Host);
        job.Responses.Keys.ShouldBe([SecuredNatsFixture.Host]);
        job.Responses[SecuredNatsFixture.Host].Data!.Value.GetProperty("hostname").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_claim_forged_by_another_host_neither_takes_nor_decides_a_job_sent_to_one_host()
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url, nats.ConfigurationFor(nats.Api));
        var id = (await system.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), SecuredNatsFixture.Host, Ct)).JobId;
        await using var other = await nats.ConnectAsync(nats.OtherAgent, AgentPermissions.InboxPrefix(SecuredNatsFixture.OtherHost));
        var store = await new NatsKVContext(new NatsJSContext(other)).GetStoreAsync(nats.Options.Kv.Bucket, Ct);
        var now = DateTimeOffset.UtcNow;

        // What its identity may still write: the shared claim of _any jobs, and events under its own host token. Its
        // events claim to come from the target host; the keys say who wrote them.
        await store.CreateAsync(
            JobKeys.Claim(id, 1, JobSubjects.AnyRoute, SecuredNatsFixture.Host),
            new JobEvent(JobEventKind.Completed, 1, now, SecuredNatsFixture.Host), JobSerializers.Event, Ct);
        await store.PutAsync(
            JobKeys.Event(id, 1, JobEventKind.Dlq, SecuredNatsFixture.OtherHost),
            new JobEvent(JobEventKind.Dlq, 1, now, SecuredNatsFixture.OtherHost, "forged"), JobSerializers.Event, Ct);
        var last = await store.PutAsync(
            JobKeys.Claim(id, 7, JobSubjects.AllRoute, SecuredNatsFixture.OtherHost),
            new JobEvent(JobEventKind.Started, 7, now, SecuredNatsFixture.Host), JobSerializers.Event, Ct);
        await system.Services.GetRequiredService<JobIndex>().WaitForRevisionAsync(last, TimeSpan.FromSeconds(5), Ct);

        var untouched = await system.Client.GetAsync(id, Ct);
        untouched.ShouldNotBeNull();
        untouched.Status.ShouldBe(JobStatus.Unprocessed);
        untouched.Attempts.ShouldBe(1);
        untouched.WorkerStates.ShouldBeEmpty();

        await using var agent = await StartAgentAsync();
        var job = await system.Client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(20), Ct);
        job.ShouldNotBeNull();
        job.Status.ShouldBe(JobStatus.Completed);
        job.Attempts.ShouldBe(1);
        job.WorkerStates.Keys.ShouldBe([SecuredNatsFixture.Host]);
    }

    [Fact]
    public async Task An_agent_identity_reads_a_stored_file_and_its_sha256()
    {
        await using var api = await nats.ConnectAsync(nats.Api);
        await JobResources.EnsureAsync(api, nats.Options, Ct);
        var options = Options.Create(nats.Options);
        var content = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();
        var stored = await new FileStore(api, options).PutAsync("permissions.bin", new MemoryStream(content), Ct);
        await using var agent = await nats.ConnectAsync(nats.Agent, AgentPermissions.InboxPrefix(SecuredNatsFixture.Host));
        var error = ServerErrorOf(agent);
        var store = new FileStore(agent, options);

        var read = await store.GetAsync("permissions.bin", Ct);
        using var copy = new MemoryStream();
        await store.CopyToAsync("permissions.bin", copy, Ct);

        read.ShouldNotBeNull().Sha256.ShouldBe(stored.Sha256);
        copy.ToArray().ShouldBe(content);
        error.IsCompleted.ShouldBeFalse("the server refused nothing");
    }

    [Theory]
    [MemberData(nameof(ForbiddenPublishes))]
    public async Task An_agent_identity_may_not(string act, string subjectTemplate)
    {
        var subject = Expand(subjectTemplate);
        await using var agent = await nats.ConnectAsync(nats.Agent, AgentPermissions.InboxPrefix(SecuredNatsFixture.Host));
        var error = ServerErrorOf(agent);

        await agent.PublishAsync(subject, "{}"u8.ToArray(), cancellationToken: Ct);

        (await error.WaitAsync(Refusal, Ct)).ShouldContain($"Permissions Violation for Publish to \"{subject}\"", customMessage: act);
    }

    [Theory]
    [InlineData("_INBOX.>")]
    [InlineData("_INBOX_web2.>")]
    [InlineData(">")]
    [InlineData("$JS.API.>")]
    public async Task An_agent_identity_may_not_listen_on(string subject)
    {
        await using var agent = await nats.ConnectAsync(nats.Agent, AgentPermissions.InboxPrefix(SecuredNatsFixture.Host));
        var error = ServerErrorOf(agent);

        await using var subscription = await agent.SubscribeCoreAsync<byte[]>(subject, cancellationToken: Ct);

        (await error.WaitAsync(Refusal, Ct)).ShouldContain($"Permissions Violation for Subscription to \"{subject}\"");
    }

    [Fact]
    public async Task A_draining_agent_may_acknowledge_but_not_pull()
    {
        await using var draining = await nats.ConnectAsync(nats.DrainingAgent, AgentPermissions.InboxPrefix(SecuredNatsFixture.DrainingHost));
        var error = ServerErrorOf(draining);
        var consumer = JobConsumers.NameOf(SecuredNatsFixture.DrainingHost, "_all");

        await draining.PublishAsync($"$JS.ACK.{nats.Options.Stream.Name}.{consumer}.1.1.1.1.0", "+ACK"u8.ToArray(), cancellationToken: Ct);
        var pull = $"$JS.API.CONSUMER.MSG.NEXT.{nats.Options.Stream.Name}.{consumer}";
        await draining.PublishAsync(pull, "{}"u8.ToArray(), cancellationToken: Ct);

        // The ack went through (no error for it); the first refusal is the pull.
        (await error.WaitAsync(Refusal, Ct)).ShouldContain($"Permissions Violation for Publish to \"{pull}\"");
    }

    private Task<TestAgent> StartAgentAsync() => TestAgent.StartAsync(
        nats.ConfigurationFor(nats.Agent, AgentPermissions.InboxPrefix(SecuredNatsFixture.Host)),
        SecuredNatsFixture.Host,
        new Dictionary<string, string>(SecuredNatsFixture.HostLabels));

    private static Task<string> ServerErrorOf(NatsConnection connection)
    {
        var error = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ServerError += (_, args) =>
        {
            error.TrySetResult(args.Error);
            return ValueTask.CompletedTask;
        };
        return error.Task;
    }

    private string Expand(string template)
    {
        var options = nats.Options;
        return template
            .Replace("{stream_prefix}", options.Stream.SubjectPrefix, StringComparison.Ordinal)
            .Replace("{dlq_prefix}", options.Dlq.SubjectPrefix, StringComparison.Ordinal)
            .Replace("{stream}", options.Stream.Name, StringComparison.Ordinal)
            .Replace("{jobs}", options.Kv.Bucket, StringComparison.Ordinal)
            .Replace("{registry}", options.Registry.Bucket, StringComparison.Ordinal)
            .Replace("{files}", options.Files.Bucket, StringComparison.Ordinal)
            .Replace("{enrollments}", options.Registry.EnrollmentBucket, StringComparison.Ordinal)
            .Replace("{other_consumer}", JobConsumers.NameOf(SecuredNatsFixture.OtherHost, "_all"), StringComparison.Ordinal);
    }
}
