using System.Globalization;
using System.Text;
using HostOps.Nats.Auth;
using HostOps.Nats.Configuration;
using HostOps.Nats.Tls;

namespace HostOps.Nats.Server;

/// <summary>
/// The configuration file the managed nats-server runs from (<c>&lt;data_dir&gt;/nats-server.conf</c>, mode 0600):
/// listen address, JetStream and the users it accepts; once one user is listed, no anonymous client gets in
/// (HostOps always lists the control plane's identity; a server given no users at all runs open, which only tests
/// do). Rewritten atomically whenever the users change; the server then reloads it (SIGHUP)
/// without dropping the clients that stay allowed.
/// </summary>
public static class NatsServerConfigFile
{
    /// <summary>The user name routes authenticate as, with the cluster's shared secret as password.</summary>
    public const string RouteUser = "hostops-route";

    public static string Render(NatsServerOptions options, string storeDir, IReadOnlyList<NatsUser> users, HostOpsCa? tls = null, string? clusterSecret = null)
    {
        var text = new StringBuilder();
        text.AppendLine("# Written by hostops; rewritten on every start and whenever an agent is accepted or removed.");
        text.AppendLine(CultureInfo.InvariantCulture, $"server_name: {Quote(options.ServerName)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"listen: {Quote($"{options.Host}:{options.Port}")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"jetstream {{ store_dir: {Quote(storeDir)} }}");
        if (tls is not null && ClientsUseTls(options))
        {
            // Every client must speak TLS; it verifies the server against HostOps' CA.
            text.AppendLine(CultureInfo.InvariantCulture, $"tls {{ {TlsFiles(tls)}, timeout: 2 }}");
        }

        if (options.Cluster.Enabled)
        {
            AppendCluster(text, options, tls, clusterSecret ?? throw new ArgumentNullException(nameof(clusterSecret), "a cluster needs its route secret"));
        }

        text.AppendLine("authorization {");
        text.AppendLine("  users: [");
        foreach (var user in users)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    # {user.Name}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    {{ nkey: {Quote(user.PublicKey)}, permissions: {{");
            text.AppendLine(CultureInfo.InvariantCulture, $"      publish: {{ allow: {List(user.Publish)} }}");
            text.AppendLine(CultureInfo.InvariantCulture, $"      subscribe: {{ allow: {List(user.Subscribe)} }}");
            text.AppendLine("    } }");
        }

        text.AppendLine("  ]");
        text.AppendLine("}");
        return text.ToString();
    }

    public static void Write(string path, NatsServerOptions options, string storeDir, IReadOnlyList<NatsUser> users, HostOpsCa? tls = null, string? clusterSecret = null) =>
        NkeySeedFile.WritePrivate(path, Render(options, storeDir, users, tls, clusterSecret));

    /// <summary>
    /// The route listener and the other servers' routes, all authenticated with the shared secret; beyond loopback
    /// the routes speak TLS and verify each other against HostOps' CA.
    /// </summary>
    private static void AppendCluster(StringBuilder text, NatsServerOptions options, HostOpsCa? tls, string secret)
    {
        var cluster = options.Cluster;
        var host = ClusterHost(options);
        text.AppendLine("cluster {");
        text.AppendLine(CultureInfo.InvariantCulture, $"  name: {Quote(cluster.Name)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  listen: {Quote($"{host}:{cluster.Port}")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  authorization {{ user: {Quote(RouteUser)}, password: {Quote(secret)}, timeout: 2 }}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  routes: {List([.. cluster.Routes.Select(r => RouteUrl(r, secret))])}");
        if (tls is not null && !HostOpsCa.IsLoopbackOnly(host))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  tls {{ {TlsFiles(tls)}, ca_file: {Quote(tls.CaPath)}, timeout: 2 }}");
        }

        text.AppendLine("}");
    }

    /// <summary>Whether clients must speak TLS: beyond loopback, or whenever the operator gave the server a certificate.</summary>
    public static bool ClientsUseTls(NatsServerOptions options) => !HostOpsCa.IsLoopbackOnly(options.Host) || options.Tls.IsConfigured;

    /// <summary>Where the route listener binds: <c>nats.server.cluster.host</c>, else the client listener's host.</summary>
    public static string ClusterHost(NatsServerOptions options) => options.Cluster.Host is { Length: > 0 } host ? host : options.Host;

    /// <summary><c>nats-route://hostops-route:SECRET@host:port</c> for a configured <c>host:port</c> or route URL.</summary>
    public static string RouteUrl(string route, string secret)
    {
        var address = route.Contains("://", StringComparison.Ordinal) ? route[(route.IndexOf("://", StringComparison.Ordinal) + 3)..] : route;
        address = address[(address.LastIndexOf('@') + 1)..].TrimEnd('/');
        return $"nats-route://{RouteUser}:{Uri.EscapeDataString(secret)}@{address}";
    }

    private static string TlsFiles(HostOpsCa tls) => $"cert_file: {Quote(tls.ServerCertPath)}, key_file: {Quote(tls.ServerKeyPath)}";

    private static string List(IReadOnlyList<string> subjects) => $"[{string.Join(", ", subjects.Select(Quote))}]";

    // nats-server's configuration syntax takes JSON-style double-quoted strings.
    private static string Quote(string value) => $"\"{System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(value)}\"";
}
