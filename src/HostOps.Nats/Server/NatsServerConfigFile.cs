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
    public static string Render(NatsServerOptions options, string storeDir, IReadOnlyList<NatsUser> users, HostOpsCa? tls = null)
    {
        var text = new StringBuilder();
        text.AppendLine("# Written by hostops; rewritten on every start and whenever an agent is accepted or removed.");
        text.AppendLine(CultureInfo.InvariantCulture, $"listen: {Quote($"{options.Host}:{options.Port}")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"jetstream {{ store_dir: {Quote(storeDir)} }}");
        if (tls is not null)
        {
            // Every client must speak TLS; it verifies the server against HostOps' CA.
            text.AppendLine(CultureInfo.InvariantCulture, $"tls {{ cert_file: {Quote(tls.ServerCertPath)}, key_file: {Quote(tls.ServerKeyPath)}, timeout: 2 }}");
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

    public static void Write(string path, NatsServerOptions options, string storeDir, IReadOnlyList<NatsUser> users, HostOpsCa? tls = null) =>
        NkeySeedFile.WritePrivate(path, Render(options, storeDir, users, tls));

    private static string List(IReadOnlyList<string> subjects) => $"[{string.Join(", ", subjects.Select(Quote))}]";

    // nats-server's configuration syntax takes JSON-style double-quoted strings.
    private static string Quote(string value) => $"\"{System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(value)}\"";
}
