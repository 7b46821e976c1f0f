using HostOps.Contracts.Agents;
using HostOps.Contracts.Json;
using HostOps.Jobs.Store;
using NATS.Client.KeyValueStore;

namespace HostOps.Jobs.Agents;

/// <summary>
/// The enrollment bucket as the API uses it: agents enroll (accepted at once with a join token, pending without),
/// admins list, accept, reject and remove them. The managed nats-server follows the bucket: an accepted agent's
/// public key becomes a NATS identity with that agent's permissions, a removed one loses it and its connections.
/// </summary>
public sealed class AgentEnrollments(JobBuckets buckets, TimeProvider time)
{
    /// <summary>Records the enrollment; a conflict (used join token, hostname held by another key) is returned as text.</summary>
    public async Task<(AgentEnrollment? Enrollment, string? Conflict)> EnrollAsync(
        string hostname, string publicKey, IReadOnlyDictionary<string, string> labels, string? machineId, JoinGrant? grant, CancellationToken cancellationToken)
    {
        var store = await buckets.EnrollmentsAsync(cancellationToken);
        var known = await GetAsync(hostname, cancellationToken);
        if (grant is not null)
        {
            var used = await store.TryCreateAsync(JobKeys.UsedJoin(grant.Id), time.GetUtcNow().ToString("O"), cancellationToken: cancellationToken);
            if (!used.Success)
            {
                return (null, "the join token has already been used; make a new one with hostops token generate --join");
            }

            var granted = new Dictionary<string, string>(labels, StringComparer.Ordinal);
            foreach (var (key, value) in grant.Labels)
            {
                granted[key] = value;
            }

            return (await PutAsync(store, new AgentEnrollment(hostname, publicKey, granted, AgentStates.Accepted, time.GetUtcNow(), machineId), cancellationToken), null);
        }

        if (known is not null && known.PublicKey == publicKey)
        {
            return (known, null);
        }

        if (known is { State: AgentStates.Accepted })
        {
            return (null, $"agent {hostname} is enrolled with another key; remove it first (DELETE /agent/{hostname}) or enroll with a join token");
        }

        var pending = new AgentEnrollment(hostname, publicKey, new Dictionary<string, string>(labels, StringComparer.Ordinal), AgentStates.Pending, time.GetUtcNow(), machineId);
        return (await PutAsync(store, pending, cancellationToken), null);
    }

    public async Task<IReadOnlyList<AgentEnrollment>> ListAsync(CancellationToken cancellationToken)
    {
        var store = await buckets.EnrollmentsAsync(cancellationToken);
        var found = new List<AgentEnrollment>();
        try
        {
            await foreach (var key in store.GetKeysAsync([$"{JobKeys.EnrollmentPrefix}>"], cancellationToken: cancellationToken))
            {
                var entry = await store.TryGetEntryAsync<byte[]>(key, cancellationToken: cancellationToken);
                if (entry.Success && JobSerializers.TryRead(entry.Value.Value, HostOpsJsonContext.Default.AgentEnrollment) is { } enrollment)
                {
                    found.Add(enrollment);
                }
            }
        }
        catch (NatsKVException)
        {
            // No key at all.
        }

        return [.. found.OrderBy(e => e.Hostname, StringComparer.Ordinal)];
    }

    public async Task<AgentEnrollment?> GetAsync(string hostname, CancellationToken cancellationToken)
    {
        var store = await buckets.EnrollmentsAsync(cancellationToken);
        var entry = await store.TryGetEntryAsync<byte[]>(JobKeys.Enrollment(hostname), cancellationToken: cancellationToken);
        return entry.Success ? JobSerializers.TryRead(entry.Value.Value, HostOpsJsonContext.Default.AgentEnrollment) : null;
    }

    /// <summary>Sets an enrolled agent's state (accept, reject); null when no agent of that name is enrolled.</summary>
    public async Task<AgentEnrollment?> DecideAsync(string hostname, string state, CancellationToken cancellationToken)
    {
        var known = await GetAsync(hostname, cancellationToken);
        return known is null ? null : await PutAsync(await buckets.EnrollmentsAsync(cancellationToken), known with { State = state }, cancellationToken);
    }

    /// <summary>Marks an enrolled agent draining (it finishes what it holds and takes nothing new) or not; null when not enrolled.</summary>
    public async Task<AgentEnrollment?> SetDrainingAsync(string hostname, bool draining, CancellationToken cancellationToken)
    {
        var known = await GetAsync(hostname, cancellationToken);
        return known is null ? null : await PutAsync(await buckets.EnrollmentsAsync(cancellationToken), known with { Draining = draining }, cancellationToken);
    }

    /// <summary>
    /// Removes the agent's enrollment (and with it, its NATS identity), then its heartbeat: a removed agent can write
    /// nothing more, so the attempts it held count as abandoned at once and the sweep hands them to other agents.
    /// False when it was not enrolled.
    /// </summary>
    public async Task<bool> RemoveAsync(string hostname, CancellationToken cancellationToken)
    {
        if (await GetAsync(hostname, cancellationToken) is null)
        {
            return false;
        }

        var store = await buckets.EnrollmentsAsync(cancellationToken);
        await store.DeleteAsync(JobKeys.Enrollment(hostname), cancellationToken: cancellationToken);
        var registry = await buckets.RegistryAsync(cancellationToken);
        await registry.DeleteAsync(JobKeys.Agent(hostname), cancellationToken: cancellationToken);
        return true;
    }

    private static async Task<AgentEnrollment> PutAsync(INatsKVStore store, AgentEnrollment enrollment, CancellationToken cancellationToken)
    {
        await store.PutAsync(JobKeys.Enrollment(enrollment.Hostname), enrollment, JobSerializers.Enrollment, cancellationToken);
        return enrollment;
    }
}

/// <summary>What a valid join token grants: its id (used once) and the labels it adds.</summary>
public sealed record JoinGrant(string Id, IReadOnlyDictionary<string, string> Labels);
