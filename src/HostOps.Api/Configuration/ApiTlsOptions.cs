namespace HostOps.Api.Configuration;

/// <summary>
/// The <c>api:server:tls:</c> section. Enabled, the API serves HTTPS only: with the operator's certificate, key and
/// CA when <see cref="CertFile"/> is set, else with a certificate from HostOps' own CA (<c>&lt;data_dir&gt;/tls/</c>),
/// which the CLI fills in here before the API starts.
/// </summary>
public sealed class ApiTlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>The server certificate (PEM; intermediates may follow it).</summary>
    [ConfigurationKeyName("cert_file")]
    public string CertFile { get; set; } = "";

    /// <summary>The server certificate's private key (PEM).</summary>
    [ConfigurationKeyName("key_file")]
    public string KeyFile { get; set; } = "";

    /// <summary>The CA bundle the certificate chains to: sent with the certificate, served to agents, pinned by join tokens.</summary>
    [ConfigurationKeyName("ca_file")]
    public string CaFile { get; set; } = "";
}
