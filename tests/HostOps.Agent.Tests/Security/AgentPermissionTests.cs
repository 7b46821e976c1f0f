using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Security;
using HostOps.Testing.Agents;
using HostOps.Testing.Jobs;
using HostOps.Testing.Nats;
using NATS.Client.Core;
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
        return new TheoryData<string, string>
        {
            { "publish a job notification", $"{{stream_prefix}}.query._any.{id:D}" },
            { "store a job definition", $"$KV.{{jobs}}.jobs.{id:D}" },
            { "write another host's event", $"$KV.{{jobs}}.events.{id:D}.1.started.{SecuredNatsFixture.OtherHost}" },
            { "write another host's response", $"$KV.{{responses}}.{id:D}.{SecuredNatsFixture.OtherHost}" },
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
            { "read another host's response", $"$JS.API.DIRECT.GET.KV_{{responses}}.$KV.{{responses}}.{id:D}.{SecuredNatsFixture.OtherHost}" },
            { "read the registry through the stream API", "$JS.API.STREAM.MSG.GET.KV_{registry}" },
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

    [Fact]
    public async Task An_agent_with_its_own_identity_runs_a_job_to_completion()
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url, nats.ConfigurationFor(nats.Api));
        await using var agent = await TestAgent.StartAsync(
            nats.ConfigurationFor(nats.Agent, AgentPermissions.InboxPrefix(SecuredNatsFixture.Host)), SecuredNatsFixture.Host);

        var id = (await system.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), SecuredNatsFixture.Host, Ct)).JobId;

        var job = await system.Client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(20), Ct);
        job.ShouldNotBeNull();
        job.Status.ShouldBe(JobStatus.Completed);
        job.Hostname.ShouldBe(SecuredNatsFixture.Host);
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
            .Replace("{responses}", options.Kv.ResponseBucket, StringComparison.Ordinal)
            .Replace("{registry}", options.Registry.Bucket, StringComparison.Ordinal)
            .Replace("{enrollments}", options.Registry.EnrollmentBucket, StringComparison.Ordinal)
            .Replace("{other_consumer}", JobConsumers.NameOf(SecuredNatsFixture.OtherHost, "_all"), StringComparison.Ordinal);
    }
}
