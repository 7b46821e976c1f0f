using HostOps.Cli.Hosting;
using HostOps.Contracts.Security;

namespace HostOps.Cli.Configuration;

/// <summary>
/// What <c>start</c> writes into <c>&lt;data_dir&gt;/hostops.yaml</c>: a signing key on the first run (unless one is
/// configured), and on every run a fresh admin token plus the API URL for <c>hostops client</c> in a second terminal.
/// </summary>
internal static class StartupSecrets
{
    public const string SigningKeyKey = "api:server:security:signing_key";

    /// <summary>Long enough for a working day, short enough that a copied file does not grant access for long.</summary>
    public static readonly TimeSpan AdminTokenLifetime = TimeSpan.FromHours(12);

    /// <summary>Generates and stores a signing key when none is configured; true when it did.</summary>
    public static bool EnsureSigningKey(LoadedConfiguration loaded)
    {
        if (!string.IsNullOrEmpty(loaded.Configuration[SigningKeyKey]))
        {
            return false;
        }

        new GeneratedConfigFile(loaded.GeneratedFilePath).Set((SigningKeyKey, SigningKeys.New()));
        return true;
    }

    public static void WriteAdminToken(LoadedConfiguration loaded, HostOpsSettings settings, TimeProvider timeProvider)
    {
        var token = new JwtIssuer(settings.ApiServer.Security.SigningKey, timeProvider)
            .Issue(new TokenRequest("hostops-start", [Scopes.Admin], [], AdminTokenLifetime));
        new GeneratedConfigFile(loaded.GeneratedFilePath).Set(("api:client:url", ApiHost.ClientUrl(settings)), ("api:client:token", token));
    }

    /// <summary>
    /// With a managed server, <c>nats.url</c> defaults to that server, so changing only <c>nats.server.port</c>
    /// keeps API and agent connected to it.
    /// </summary>
    public static HostOpsSettings UseManagedNatsUrl(LoadedConfiguration loaded, HostOpsSettings settings)
    {
        if (loaded.Configuration["nats:url"] is { Length: > 0 })
        {
            return settings;
        }

        var host = settings.NatsServer.Host is "0.0.0.0" or "::" or "" ? "127.0.0.1" : settings.NatsServer.Host;
        loaded.Configuration["nats:url"] = $"nats://{host}:{settings.NatsServer.Port}";
        return HostOpsSettings.Bind(loaded);
    }
}
