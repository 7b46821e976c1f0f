using HostOps.Cli.Configuration;
using HostOps.Nats.Tls;

namespace HostOps.Cli.Hosting;

/// <summary>
/// The API's HTTPS certificate as the CLI provides it: with <c>api.server.tls.enabled</c> and no <c>cert_file</c> of
/// the operator's, one issued by HostOps' own CA (<c>&lt;data_dir&gt;/tls/api.pem</c>, the CA NATS's certificate
/// chains to) for the listen address, the host of <c>api.client.url</c>, the host's name and loopback.
/// </summary>
internal static class ApiTls
{
    public static HostOpsSettings Use(LoadedConfiguration loaded, HostOpsSettings settings)
    {
        var tls = settings.ApiServer.Tls;
        if (!tls.Enabled || tls.CertFile.Length > 0)
        {
            return settings;
        }

        List<string> names = [settings.ApiServer.Host];
        if (Uri.TryCreate(settings.ApiClient.Url, UriKind.Absolute, out var client))
        {
            names.Add(client.Host.Trim('[', ']'));
        }

        var own = HostOpsCa.EnsureApi(settings.DataDir, names);
        loaded.Configuration["api:server:tls:cert_file"] = own.ServerCertPath;
        loaded.Configuration["api:server:tls:key_file"] = own.ServerKeyPath;
        loaded.Configuration["api:server:tls:ca_file"] = own.CaPath;
        return HostOpsSettings.Bind(loaded);
    }
}
