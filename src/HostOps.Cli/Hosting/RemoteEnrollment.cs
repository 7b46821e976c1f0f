using System.Net;
using System.Net.Http.Json;
using HostOps.Agent.Operations;
using HostOps.Cli.Configuration;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Json;
using HostOps.Jobs.Store;
using HostOps.Nats.Auth;
using HostOps.Nats.Tls;
using HostOps.Providers.System;

namespace HostOps.Cli.Hosting;

/// <summary>
/// An agent on another host joins through the API: it makes its nkey locally (the seed never leaves the host),
/// sends the public key to <c>POST /agent/enroll</c> with its join token (accepted at once) or without one (it
/// waits, pending, until an admin accepts it), keeps the answer in <c>identity/enrollment.json</c> and connects
/// once NATS lets its identity in. A restarted agent with a saved enrollment needs no token.
/// </summary>
internal static class RemoteEnrollment
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);

    public static string SavedPath(string dataDir) => Path.Combine(dataDir, "identity", "enrollment.json");

    /// <summary>The agent's connection settings; empty when there is nothing to enroll with (no token, no API, nothing saved).</summary>
    public static async Task<Dictionary<string, string?>> EnsureAsync(
        HostOpsSettings settings, LoadedConfiguration loaded, TextWriter output, CancellationToken cancellationToken)
    {
        var token = settings.Job.Worker.JoinToken is { Length: > 0 } text
            ? JoinToken.TryDecode(text) ?? throw new ConfigException("job:worker:join_token", "is not a join token (make one with hostops token generate --join)")
            : null;
        var seedPath = FleetIdentities.AgentSeedPath(settings.DataDir);
        var saved = Read(settings.DataDir);
        var api = token?.Api[0] ?? saved?.Api ?? (loaded.Configuration["api:client:url"] is { Length: > 0 } url ? url : null);
        if (api is null && !File.Exists(seedPath))
        {
            return [];
        }

        var agent = NkeySeedFile.LoadOrCreate(seedPath);
        var enrollment = saved is { Enrollment.State: AgentStates.Accepted } && saved.PublicKey == agent.PublicKey
            ? saved.Enrollment
            : await EnrollAsync(settings, api ?? throw new ConfigException("api:client:url", "is not set: an agent needs the API's URL (or a join token) to enroll"), agent, token, output, cancellationToken);

        var natsUrl = loaded.Configuration["nats:url"] is { Length: > 0 } configured ? configured : string.Join(',', token?.Nats ?? enrollment.NatsUrls);
        var caFile = settings.Nats.CaFile is { Length: > 0 } ownCa ? ownCa : await PinnedCaAsync(settings.DataDir, api, token, cancellationToken);
        await NatsAdmission.WaitAsync(natsUrl, caFile, agent, cancellationToken);
        var connection = new Dictionary<string, string?>(FleetIdentities.AgentConnection(agent.Path, enrollment.Hostname, caFile)) { ["nats:url"] = natsUrl };
        foreach (var (key, value) in enrollment.Labels ?? new Dictionary<string, string>())
        {
            connection[$"job:worker:labels:{key}"] = value; // the labels its enrollment grants, which its permissions follow
        }

        return connection;
    }

    private static async Task<EnrollAgentResponse> EnrollAsync(
        HostOpsSettings settings, string api, NkeySeedFile agent, JoinToken? token, TextWriter output, CancellationToken cancellationToken)
    {
        var (hostname, labels) = AgentIdentity.Of(settings.Job.Worker, new HostnameProvider(Providers.HostRoot.Default));
        using var http = new HttpClient { BaseAddress = new Uri(api), Timeout = TimeSpan.FromSeconds(10) };
        var secret = token?.Secret;
        var told = false;
        while (true)
        {
            var request = new EnrollAgentRequest(hostname, agent.PublicKey, new Dictionary<string, string>(labels, StringComparer.Ordinal), null, secret);
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsJsonAsync("agent/enroll", request, HostOpsJsonContext.Default.EnrollAgentRequest, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                if (!told)
                {
                    await output.WriteLineAsync($"hostops: waiting for the API at {api} to enroll this agent ({e.Message})");
                    told = true;
                }

                await Task.Delay(PollEvery, cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted
                    && await response.Content.ReadFromJsonAsync(HostOpsJsonContext.Default.EnrollAgentResponse, cancellationToken) is { } answer)
                {
                    secret = null; // used: a pending agent asks again with its key alone
                    if (answer.State == AgentStates.Accepted)
                    {
                        Save(settings.DataDir, new SavedEnrollment(api, agent.PublicKey, answer));
                        return answer;
                    }

                    if (answer.State == AgentStates.Rejected)
                    {
                        throw new ConfigException($"the control plane at {api} rejected agent {hostname}");
                    }

                    if (!told)
                    {
                        await output.WriteLineAsync($"hostops: agent {hostname} is pending; an admin accepts it with: hostops client agent accept {hostname}");
                        told = true;
                    }

                    await Task.Delay(PollEvery, cancellationToken);
                    continue;
                }

                var error = await ErrorOf(response, cancellationToken);
                throw new ConfigException($"enrolling at {api} failed ({(int)response.StatusCode}): {error}");
            }
        }
    }

    // HostOps' CA, fetched from the API and accepted only if its SHA-256 fingerprint is the one in the join token; kept
    // in the data directory for later starts. "" when the control plane runs NATS without TLS (no fingerprint).
    private static async Task<string> PinnedCaAsync(string dataDir, string? api, JoinToken? token, CancellationToken cancellationToken)
    {
        var path = HostOpsCa.CaPathIn(dataDir);
        if (token?.CaSha256 is not { Length: > 0 } fingerprint || api is null)
        {
            return File.Exists(path) ? path : "";
        }

        using var http = new HttpClient { BaseAddress = new Uri(api), Timeout = TimeSpan.FromSeconds(10) };
        var pem = await http.GetStringAsync("agent/ca", cancellationToken);
        if (!string.Equals(JoinToken.CaFingerprint(pem), fingerprint, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigException($"the CA offered by {api} does not match the fingerprint in the join token; not trusting it");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        NkeySeedFile.WritePrivate(path, pem);
        return path;
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(HostOpsJsonContext.Default.ErrorBody, cancellationToken) is { } body
                ? body.Details ?? body.Error
                : response.ReasonPhrase ?? "";
        }
        catch (System.Text.Json.JsonException)
        {
            return response.ReasonPhrase ?? "";
        }
    }

    private static SavedEnrollment? Read(string dataDir) =>
        File.Exists(SavedPath(dataDir)) ? JobSerializers.TryRead(File.ReadAllBytes(SavedPath(dataDir)), HostOpsJsonContext.Default.SavedEnrollment) : null;

    private static void Save(string dataDir, SavedEnrollment enrollment) =>
        NkeySeedFile.WritePrivate(SavedPath(dataDir), System.Text.Json.JsonSerializer.Serialize(enrollment, HostOpsJsonContext.Default.SavedEnrollment));
}
