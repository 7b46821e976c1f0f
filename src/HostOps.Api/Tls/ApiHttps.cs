using System.Security.Cryptography.X509Certificates;
using HostOps.Api.Configuration;
using HostOps.Contracts.Security;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace HostOps.Api.Tls;

/// <summary>
/// The API's HTTPS from <c>api.server.tls</c>: the certificate and key files, and the chain sent with the certificate
/// (any certificates following it in <c>cert_file</c>, then the CA bundle of <c>ca_file</c>), so a client holding only
/// the root can verify it.
/// </summary>
internal static class ApiHttps
{
    public static HttpsConnectionAdapterOptions Options(ApiTlsOptions tls)
    {
        var certificatePem = File.ReadAllText(tls.CertFile);
        var certificate = X509Certificate2.CreateFromPem(certificatePem, File.ReadAllText(tls.KeyFile));
        var chain = new X509Certificate2Collection();
        foreach (var extra in CaBundle.Parse(certificatePem).Skip(1).Concat(CaBundle.Load(tls.CaFile)))
        {
            if (extra.Thumbprint != certificate.Thumbprint)
            {
                chain.Add(extra);
            }
        }

        return new HttpsConnectionAdapterOptions { ServerCertificate = certificate, ServerCertificateChain = chain };
    }

    /// <summary>The CAs an agent trusts, as <c>GET /agent/ca</c> serves them: the API's CA (when HTTPS is on) first, then NATS's.</summary>
    public static string AgentCaBundle(ApiTlsOptions api, string natsCaFile) =>
        CaBundle.Merge([.. api.Enabled ? [api.CaFile] : Array.Empty<string>(), natsCaFile]);
}
