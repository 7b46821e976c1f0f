using System.Net;
using System.Net.Http.Json;
using HostOps.Agent.Operations;
using HostOps.Cli.Configuration;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Json;
using HostOps.Jobs.Store;
using HostOps.Nats.Auth;
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

        // Once enrolled, the agent trusts the bundle it keeps (which follows a CA rotation), not its token's pin.
        var enrolled = saved is { Enrollment.State: AgentStates.Accepted } && saved.PublicKey == agent.PublicKey;
        var joining = enrolled ? null : token;
        var roots = api is null ? null : await UntilReachableAsync(api, output, () => AgentCa.RootsAsync(settings.DataDir, api, joining, settings.ApiClient.CaFile, cancellationToken), cancellationToken);
        using var http = api is null ? null : AgentCa.Client(api, roots);
        var enrollment = enrolled
            ? saved!.Enrollment
            : await EnrollAsync(settings, http ?? throw new ConfigException("api:client:url", "is not set: an agent needs the API's URL (or a join token) to enroll"), agent, token, output, cancellationToken);

        var natsUrl = loaded.Configuration["nats:url"] is { Length: > 0 } configured ? configured : string.Join(',', token?.Nats ?? enrollment.NatsUrls);
        var pinned = joining?.CaSha256 is { Length: > 0 } pin ? pin : null;
        var bundle = http is null ? "" : await AgentCa.RefreshAsync(http, settings.DataDir, pinned, required: joining is not null, cancellationToken);
        var caFile = settings.Nats.CaFile is { Length: > 0 } ownCa ? ownCa : FleetIdentities.NatsNeedsTls(natsUrl) ? bundle : "";
        await NatsAdmission.WaitAsync(natsUrl, caFile, agent, cancellationToken);
        var connection = new Dictionary<string, string?>(FleetIdentities.AgentConnection(agent.Path, enrollment.Hostname, caFile)) { ["nats:url"] = natsUrl };
        foreach (var (key, value) in enrollment.Labels ?? new Dictionary<string, string>())
        {
            connection[$"job:worker:labels:{key}"] = value; // the labels its enrollment grants, which its permissions follow
        }

        return connection;
    }

    private static async Task<EnrollAgentResponse> EnrollAsync(
        HostOpsSettings settings, HttpClient http, NkeySeedFile agent, JoinToken? token, TextWriter output, CancellationToken cancellationToken)
    {
        var api = http.BaseAddress!.ToString().TrimEnd('/');
        var (hostname, labels) = AgentIdentity.Of(settings.Job.Worker, new HostnameProvider(Providers.HostRoot.Default));
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
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.SecureConnectionError)
            {
                throw new ConfigException($"the API at {api} presented a certificate this agent does not trust ({e.InnerException?.Message ?? e.Message}); not enrolling");
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

    // Retries while the API does not answer at all (it may start after the agent), saying so once.
    private static async Task<T> UntilReachableAsync<T>(string api, TextWriter output, Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        var told = false;
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (HttpRequestException e) when (e.HttpRequestError != HttpRequestError.SecureConnectionError)
            {
                if (!told)
                {
                    await output.WriteLineAsync($"hostops: waiting for the API at {api} to enroll this agent ({e.Message})");
                    told = true;
                }

                await Task.Delay(PollEvery, cancellationToken);
            }
        }
    }

    /// <summary>The reason an API call failed: the error body's details, else its error, else the status text.</summary>
    public static async Task<string> ErrorOf(HttpResponseMessage response, CancellationToken cancellationToken)
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

    /// <summary>The API this data directory's agent enrolled through, when it did.</summary>
    public static string? SavedApi(string dataDir) => Read(dataDir)?.Api;

    /// <summary>This data directory's enrollment, when its agent enrolled through an API.</summary>
    public static SavedEnrollment? Read(string dataDir) =>
        File.Exists(SavedPath(dataDir)) ? JobSerializers.TryRead(File.ReadAllBytes(SavedPath(dataDir)), HostOpsJsonContext.Default.SavedEnrollment) : null;

    private static void Save(string dataDir, SavedEnrollment enrollment) =>
        NkeySeedFile.WritePrivate(SavedPath(dataDir), System.Text.Json.JsonSerializer.Serialize(enrollment, HostOpsJsonContext.Default.SavedEnrollment));
}
