using System.Globalization;
using System.Net.Http.Json;
using HostOps.Cli.Commands;
using HostOps.Cli.Configuration;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Cluster;
using HostOps.Contracts.Json;
using HostOps.Nats.Auth;
using HostOps.Nats.Server;
using HostOps.Nats.Tls;

namespace HostOps.Cli.Hosting;

/// <summary>
/// A new server of the NATS cluster joins with a server join token (<c>hostops token generate --server</c> on a
/// host of the control plane): it takes what the servers share from <c>POST /cluster/join</c> (over HTTPS with the
/// CA pinned, or on loopback) and keeps it in its data directory: the control plane's identity
/// (<c>identity/api.nk</c>), the routes' secret (<c>identity/cluster.secret</c>), HostOps' CA (<c>tls/</c>) and,
/// unless configured, the cluster's name and routes (<c>hostops.yaml</c>). A data directory that has them needs no
/// token again.
/// </summary>
internal static class ClusterJoin
{
    /// <summary>Joins when <paramref name="tokenText"/> is given and this data directory has not joined yet; the configuration to run with.</summary>
    public static async Task<LoadedConfiguration> EnsureAsync(
        Func<LoadedConfiguration> load, string? tokenText, TextWriter output, CancellationToken cancellationToken)
    {
        var loaded = load();
        if (tokenText is not { Length: > 0 })
        {
            return loaded;
        }

        var token = JoinToken.TryDecode(tokenText) ?? throw new UsageException("--join: not a join token (make one with hostops token generate --server)");
        if (File.Exists(ClusterSecret.PathIn(loaded.DataDir)) && File.Exists(FleetIdentities.ApiSeedPath(loaded.DataDir)))
        {
            await output.WriteLineAsync($"hostops: {loaded.DataDir} has already joined its cluster; --join is not needed any more");
            return loaded;
        }

        var material = await FetchAsync(token, loaded, cancellationToken);
        Keep(loaded, material);
        await output.WriteLineAsync($"hostops: joined cluster {material.ClusterName} through {token.Api[0]}");
        return load();
    }

    // Over HTTPS the API is verified against the CA the token pins (as a joining agent does).
    private static async Task<ServerJoinResponse> FetchAsync(JoinToken token, LoadedConfiguration loaded, CancellationToken cancellationToken)
    {
        var api = token.Api[0];
        HttpResponseMessage response;
        try
        {
            using var http = AgentCa.Client(api, await AgentCa.RootsAsync(loaded.DataDir, api, token, "", cancellationToken));
            var request = new ServerJoinRequest(token.Secret, loaded.Configuration["nats:server:name"]);
            response = await http.PostAsJsonAsync("cluster/join", request, HostOpsJsonContext.Default.ServerJoinRequest, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ConfigException($"joining the cluster through {api} failed: {e.Message}", e);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync(HostOpsJsonContext.Default.ServerJoinResponse, cancellationToken) is { } material)
            {
                if (token.CaSha256 is { Length: > 0 } pinned && (material.CaPem is null || !string.Equals(JoinToken.CaFingerprint(material.CaPem), pinned, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new ConfigException($"the CA offered by {api} does not match the fingerprint in the join token; not trusting it");
                }

                return material;
            }

            throw new ConfigException($"joining the cluster through {api} failed ({(int)response.StatusCode}): {await RemoteEnrollment.ErrorOf(response, cancellationToken)}");
        }
    }

    private static void Keep(LoadedConfiguration loaded, ServerJoinResponse material)
    {
        var dataDir = loaded.DataDir;
        NkeySeedFile.WritePrivate(FleetIdentities.ApiSeedPath(dataDir), material.ControlPlaneSeed + "\n");
        if (material.CaPem is { } caPem && material.CaKeyPem is { } caKeyPem)
        {
            HostOpsCa.Adopt(dataDir, caPem, caKeyPem);
        }

        var settings = new List<(string, string)>();
        if (loaded.Configuration["nats:server:cluster:name"] is not { Length: > 0 })
        {
            settings.Add(("nats:server:cluster:name", material.ClusterName));
        }

        if (!loaded.Configuration.GetSection("nats:server:cluster:routes").GetChildren().Any())
        {
            settings.AddRange(material.Routes.Select((route, i) => ($"nats:server:cluster:routes:{i.ToString(CultureInfo.InvariantCulture)}", route)));
        }

        if (settings.Count > 0)
        {
            new GeneratedConfigFile(loaded.GeneratedFilePath).Set([.. settings]);
        }

        // Last: its presence says this data directory has joined.
        ClusterSecret.Save(dataDir, material.RouteSecret);
    }
}
