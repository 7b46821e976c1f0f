using HostOps.Cli.Configuration;
using HostOps.Jobs.Security;
using HostOps.Nats.Auth;
using HostOps.Nats.Tls;

namespace HostOps.Cli.Hosting;

/// <summary>
/// The NATS identities kept in the data directory (<c>&lt;data_dir&gt;/identity/</c>, files mode 0600): <c>api.nk</c>
/// for the control plane (managed nats-server, API, admin commands) and <c>agent.nk</c> for an agent on this host.
/// A process connects with its identity by way of <c>nats.nkey_file</c>, which is set here unless configured.
/// </summary>
internal static class FleetIdentities
{
    public static string ApiSeedPath(string dataDir) => Path.Combine(dataDir, "identity", "api.nk");

    public static string AgentSeedPath(string dataDir) => Path.Combine(dataDir, "identity", "agent.nk");

    /// <summary>The control plane's identity, made at its first start.</summary>
    public static NkeySeedFile EnsureApi(string dataDir) => NkeySeedFile.LoadOrCreate(ApiSeedPath(dataDir));

    /// <summary>The control plane's identity when this data directory has one: then an agent here is local.</summary>
    public static NkeySeedFile? LocalApi(string dataDir) => File.Exists(ApiSeedPath(dataDir)) ? NkeySeedFile.Load(ApiSeedPath(dataDir)) : null;

    /// <summary>
    /// Makes the API side connect as the control plane (unless <c>nats.nkey_file</c> names another seed), over TLS with
    /// the operator's CA (<c>nats.server.tls.ca_file</c>) when configured, else HostOps' CA when NATS is reached beyond
    /// loopback. <paramref name="managedServer"/>: this process runs the
    /// server, which makes the CA when it listens beyond loopback.
    /// </summary>
    public static HostOpsSettings UseApiIdentity(LoadedConfiguration loaded, HostOpsSettings settings, bool managedServer = false)
    {
        if (settings.Nats.NkeyFile is not { Length: > 0 })
        {
            loaded.Configuration["nats:nkey_file"] = EnsureApi(settings.DataDir).Path;
        }

        // An operator's own NATS certificate makes the server require TLS everywhere, loopback included.
        // A managed server beyond loopback makes the CA as it starts (ManagedNats.Create), before any client connects.
        var caComing = managedServer && !HostOpsCa.IsLoopbackOnly(settings.NatsServer.Host);
        if (settings.Nats.CaFile is not { Length: > 0 })
        {
            if (settings.NatsServer.Tls.CaFile is { Length: > 0 } operatorCa)
            {
                loaded.Configuration["nats:ca_file"] = operatorCa;
            }
            else if ((caComing || File.Exists(HostOpsCa.CaPathIn(settings.DataDir))) && !UrlIsLoopback(settings.Nats.Url))
            {
                loaded.Configuration["nats:ca_file"] = HostOpsCa.CaPathIn(settings.DataDir);
            }
        }

        return HostOpsSettings.Bind(loaded);
    }

    private static bool UrlIsLoopback(string urls) =>
        urls.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .All(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && HostOpsCa.IsLoopbackOnly(uri.Host.Trim('[', ']')));

    /// <summary>
    /// Whether an agent must reach NATS over TLS: a <c>tls://</c> URL, or any server beyond loopback (HostOps' servers
    /// require TLS there). A loopback server of HostOps' own runs plain.
    /// </summary>
    public static bool NatsNeedsTls(string urls) =>
        !UrlIsLoopback(urls) || urls.Contains("tls://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The configuration an agent on this host connects with: its own seed and inbox prefix.</summary>
    public static Dictionary<string, string?> AgentConnection(string seedPath, string hostname, string caFile) => new()
    {
        ["nats:nkey_file"] = seedPath,
        ["nats:inbox_prefix"] = AgentPermissions.InboxPrefix(hostname),
        ["nats:ca_file"] = caFile,
    };
}
