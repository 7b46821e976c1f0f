using HostOps.Contracts.Agents;
using HostOps.Jobs.Agents;
using HostOps.Jobs.Store;
using HostOps.Testing;
using HostOps.Testing.Jobs;
using HostOps.Testing.Nats;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HostOps.Jobs.Tests.Agents;

public sealed class AgentEnrollmentsTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_removed_agent_loses_its_enrollment_and_its_heartbeat_at_once()
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url);
        var enrollments = system.Services.GetRequiredService<AgentEnrollments>();
        var labels = new Dictionary<string, string>();
        await enrollments.EnrollAsync("web9", "UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4", labels, null, new JoinGrant("j1", labels), Ct);
        var now = DateTimeOffset.UtcNow;
        var registry = await system.Buckets.RegistryAsync(Ct);
        await registry.PutAsync(JobKeys.Agent("web9"), new AgentHeartbeat("web9", labels, "test", now, now, 1, []), JobSerializers.Heartbeat, Ct);
        await Eventually.TrueAsync(async () => (await system.Client.GetWorkersAsync(Ct)).Workers.Any(w => w.Hostname == "web9"), what: "web9 is live");

        (await enrollments.RemoveAsync("web9", Ct)).ShouldBeTrue();

        (await enrollments.GetAsync("web9", Ct)).ShouldBeNull();
        await Eventually.TrueAsync(async () => (await system.Client.GetWorkersAsync(Ct)).Workers.All(w => w.Hostname != "web9"), TimeSpan.FromSeconds(2), "web9 left the registry");
    }
}
