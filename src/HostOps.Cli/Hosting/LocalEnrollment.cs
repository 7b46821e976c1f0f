using HostOps.Agent.Operations;
using HostOps.Cli.Configuration;
using HostOps.Contracts.Agents;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Store;
using HostOps.Nats.Auth;
using HostOps.Providers.System;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.KeyValueStore;

namespace HostOps.Cli.Hosting;

/// <summary>
/// An agent on the control plane's own host (its data directory holds the control plane's identity) enrolls by
/// itself: it makes its own nkey (<c>agent.nk</c>), records itself as accepted in the enrollment bucket with the
/// control plane's identity, and waits until NATS lets its own identity in. It then runs with its own,
/// least-privilege identity like any other agent; no step for a local user.
/// </summary>
internal static class LocalEnrollment
{
    /// <summary>The configuration the agent then connects with (its seed and inbox prefix).</summary>
    public static async Task<Dictionary<string, string?>> EnsureAsync(
        HostOpsSettings settings, NkeySeedFile api, TextWriter output, CancellationToken cancellationToken)
    {
        var (hostname, labels) = AgentIdentity.Of(settings.Job.Worker, new HostnameProvider(Providers.HostRoot.Default));
        var agent = NkeySeedFile.LoadOrCreate(FleetIdentities.AgentSeedPath(settings.DataDir));
        var enrollment = new AgentEnrollment(hostname, agent.PublicKey, labels, AgentStates.Accepted, DateTimeOffset.UtcNow);

        await WaitForNatsAsync(settings, output, async nats =>
        {
            var buckets = new JobBuckets(nats, Options.Create(settings.Job));
            var store = await buckets.EnrollmentsAsync(cancellationToken);
            var key = JobKeys.Enrollment(hostname);
            var current = await store.TryGetEntryAsync(key, serializer: JobSerializers.Enrollment, cancellationToken: cancellationToken);
            if (!current.Success || current.Value.Value is not { } known || !SameGrant(known, enrollment))
            {
                await store.PutAsync(key, enrollment, JobSerializers.Enrollment, cancellationToken);
            }
        }, settings.WithNatsIdentity(api.Path).Nats, cancellationToken);

        var connection = FleetIdentities.AgentConnection(agent.Path, hostname, settings.Nats.CaFile);
        await NatsAdmission.WaitAsync(settings.Nats.Url, settings.Nats.CaFile, agent, cancellationToken);
        return connection;
    }

    private static bool SameGrant(AgentEnrollment known, AgentEnrollment wanted) =>
        known.State == AgentStates.Accepted && known.PublicKey == wanted.PublicKey && known.Hostname == wanted.Hostname
        && known.Labels.Count == wanted.Labels.Count && !known.Labels.Except(wanted.Labels).Any();

    // NATS may not run yet (an agent started before its server): wait for it, as the agent itself would.
    private static async Task WaitForNatsAsync(
        HostOpsSettings settings, TextWriter output, Func<NatsConnection, Task> action, NatsConnectionOptions connection, CancellationToken cancellationToken)
    {
        var said = false;
        while (true)
        {
            try
            {
                await using var nats = new NatsConnection(NatsClientOptions.For(connection, "hostops-enroll") with { MaxReconnectRetry = 0 });
                await nats.ConnectAsync();
                await action(nats);
                return;
            }
            catch (Exception e) when (e is NatsException or NatsKVException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                if (!said)
                {
                    await output.WriteLineAsync($"hostops: waiting for NATS at {settings.Nats.Url} to enroll this agent ({e.Message})");
                    said = true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }
}
