using HostOps.Agent.Admission;
using HostOps.Jobs.Security;
using HostOps.Testing;
using HostOps.Testing.Agents;
using HostOps.Testing.Nats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
            () => Task.FromResult(agent.Services.GetRequiredService<NATS.Client.Core.INatsConnection>().ConnectionState == NATS.Client.Core.NatsConnectionState.Open),
            what: "the agent connected");
        watch.Reason.ShouldBeNull();

        nats.Remove(SecuredNatsFixture.OtherHost);

        await Eventually.TrueAsync(() => Task.FromResult(stopping.IsCancellationRequested), RevocationWatch.RefusedFor * 3, "the agent stopped");
        watch.Reason.ShouldNotBeNull().ShouldContain($"agent {SecuredNatsFixture.OtherHost}");
        agent.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout.ShouldBeLessThanOrEqualTo(RevocationWatch.RevokedGrace);
    }
}
