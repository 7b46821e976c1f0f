using HostOps.Contracts.Agents;

namespace HostOps.Cli.Commands.Token;

/// <summary>
/// What a join token tells a new host: the API and NATS URLs of this control plane as configured here
/// (<c>api.client.url</c>, else api.server host and port; <c>nats.url</c>, else the managed server's).
/// Set them to the addresses other hosts reach when the control plane listens beyond loopback.
/// </summary>
internal static class JoinTokenContents
{
    public static JoinToken Create(CommandContext context, string secret)
    {
        var loaded = context.LoadConfiguration();
        var configuration = loaded.Configuration;
        var api = configuration["api:client:url"] is { Length: > 0 } client
            ? client
            : $"http://{Reachable(configuration["api:server:host"])}:{configuration["api:server:port"] ?? "8080"}";
        var nats = configuration["nats:url"] is { Length: > 0 } url
            ? url
            : $"nats://{Reachable(configuration["nats:server:host"])}:{configuration["nats:server:port"] ?? "4222"}";
        return new JoinToken([api], nats.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), CaFingerprint(loaded.DataDir), secret);
    }

    // HostOps' CA, when NATS runs with TLS: the joining agent accepts only a CA with this SHA-256 fingerprint.
    private static string? CaFingerprint(string dataDir)
    {
        var path = Path.Combine(dataDir, "tls", "ca.pem");
        if (!File.Exists(path))
        {
            return null;
        }

        return JoinToken.CaFingerprint(File.ReadAllText(path));
    }

    // A wildcard listen address is reached through loopback on this machine.
    private static string Reachable(string? host) => host is null or "" or "0.0.0.0" or "::" or "*" or "+" ? "127.0.0.1" : host;
}
