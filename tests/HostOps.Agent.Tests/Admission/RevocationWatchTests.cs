using HostOps.Agent.Admission;
using HostOps.Jobs.Security;
using HostOps.Testing;
using HostOps.Testing.Agents;
using HostOps.Testing.Nats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NATS.Client.Core;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Admission;

/// <summary>An agent whose identity the server drops (an admin removed it) stops by itself instead of retrying forever.</summary>
public sealed class RevocationWatchTests(SecuredNatsFixture nats) : IClassFixture<SecuredNatsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_agent_whose_identity_is_removed_stops_and_says_why()
    {
        await using var agent = await TestAgent.StartAsync(
            nats.ConfigurationFor(nats.OtherAgent, AgentPermissions.InboxPrefix(SecuredNatsFixture.OtherHost)), SecuredNatsFixture.OtherHost);
        var stopping = agent.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var watch = agent.Services.GetRequiredService<RevocationWatch>();
        await Eventually.TrueAsync(
            () => Task.FromResult(agent.Services.GetRequiredService<INatsConnection>().ConnectionState == NatsConnectionState.Open), what: "the agent connected");
        watch.Reason.ShouldBeNull();

        nats.Remove(SecuredNatsFixture.OtherHost);

        await Eventually.TrueAsync(() => Task.FromResult(stopping.IsCancellationRequested), RevocationWatch.RefusedFor * 3, "the agent stopped");
        watch.Reason.ShouldNotBeNull().ShouldContain($"agent {SecuredNatsFixture.OtherHost}");
        agent.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout.ShouldBeLessThanOrEqualTo(RevocationWatch.RevokedGrace);
    }

    [Fact]
    public async Task A_refusal_that_ends_within_the_window_is_ridden_out()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var agent = await TestAgent.StartAsync(
            nats.ConfigurationFor(nats.Agent, AgentPermissions.InboxPrefix(SecuredNatsFixture.Host)),
            SecuredNatsFixture.Host,
            new Dictionary<string, string>(SecuredNatsFixture.HostLabels),
            services => services.AddSingleton<TimeProvider>(time));
        var connection = agent.Services.GetRequiredService<INatsConnection>();
        var refused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ServerError += (_, args) =>
        {
            if (args.Kind == NatsServerErrorKind.AuthorizationViolation)
            {
                refused.TrySetResult();
            }

            return ValueTask.CompletedTask;
        };

        nats.Remove(SecuredNatsFixture.Host);
        await refused.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        nats.Readmit(SecuredNatsFixture.Host);
        await Eventually.TrueAsync(() => Task.FromResult(connection.ConnectionState == NatsConnectionState.Open), what: "the agent was admitted again");
        time.Advance(RevocationWatch.RefusedFor * 2);

        agent.Services.GetRequiredService<RevocationWatch>().Reason.ShouldBeNull();
        agent.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested.ShouldBeFalse();
    }
}
