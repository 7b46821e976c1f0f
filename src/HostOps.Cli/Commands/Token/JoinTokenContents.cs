using HostOps.Contracts.Agents;
using HostOps.Contracts.Security;

namespace HostOps.Cli.Commands.Token;

/// <summary>
/// What a join token tells a new host: the API and NATS URLs of this control plane as configured here
/// (<c>api.client.url</c>, else api.server host and port, <c>https://</c> when <c>api.server.tls.enabled</c>;
/// <c>nats.url</c>, else the managed server's, <c>tls://</c> when it requires TLS) and the fingerprint of the CA the
/// agent is to trust.
/// Set them to the addresses other hosts reach when the control plane listens beyond loopback.
/// </summary>
internal static class JoinTokenContents
{
    public static JoinToken Create(CommandContext context, string secret)
    {
        var loaded = context.LoadConfiguration();
        var configuration = loaded.Configuration;
        var https = bool.TryParse(configuration["api:server:tls:enabled"], out var enabled) && enabled;
        var api = ApiUrl(configuration);
        var natsHost = Reachable(configuration["nats:server:host"]);
        var natsTls = configuration["nats:server:tls:cert_file"] is { Length: > 0 }
            || configuration["nats:server:host"] is { Length: > 0 } listen && listen is not ("127.0.0.1" or "::1" or "localhost");
        var nats = configuration["nats:url"] is { Length: > 0 } url
            ? url
            : $"{(natsTls ? "tls" : "nats")}://{natsHost}:{configuration["nats:server:port"] ?? "4222"}";
        return new JoinToken([api], nats.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), CaFingerprint(configuration, loaded.DataDir, https), secret);
    }

    /// <summary>The API's URL as other programs reach it: <c>api.client.url</c>, else the server's host and port.</summary>
    public static string ApiUrl(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var https = bool.TryParse(configuration["api:server:tls:enabled"], out var enabled) && enabled;
        return configuration["api:client:url"] is { Length: > 0 } client
            ? client
            : $"{(https ? "https" : "http")}://{Reachable(configuration["api:server:host"])}:{configuration["api:server:port"] ?? "8080"}";
    }

    // The first CA of the bundle GET /agent/ca serves (the API's CA when HTTPS is on, then NATS's): the joining agent
    // verifies the API with this CA and accepts the bundle only if it holds it. Null when nothing runs with TLS.
    private static string? CaFingerprint(Microsoft.Extensions.Configuration.IConfiguration configuration, string dataDir, bool https)
    {
        var own = CaBundle.PathIn(dataDir);
        var apiCa = configuration["api:server:tls:ca_file"] is { Length: > 0 } apiFile ? apiFile : own;
        var natsCa = configuration["nats:server:tls:ca_file"] is { Length: > 0 } serverFile ? serverFile
            : configuration["nats:ca_file"] is { Length: > 0 } clientFile ? clientFile
            : own;
        var bundle = CaBundle.Merge(https ? [apiCa, natsCa] : [natsCa]);
        return bundle.Length > 0 ? JoinToken.CaFingerprint(bundle) : null;
    }

    // A wildcard listen address is reached through loopback on this machine.
    private static string Reachable(string? host) => host is null or "" or "0.0.0.0" or "::" or "*" or "+" ? "127.0.0.1" : host;
}
