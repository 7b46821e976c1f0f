using Microsoft.Extensions.Configuration;

namespace HostOps.Nats.Configuration;

/// <summary>
/// The <c>nats:server:tls:</c> section: an operator's own certificate, key and CA for the managed nats-server.
/// Empty: HostOps makes its own (in <c>&lt;data_dir&gt;/tls/</c>) when the server listens beyond loopback.
/// </summary>
public sealed class NatsServerTlsOptions
{
    /// <summary>The server certificate (PEM; intermediates may follow it).</summary>
    [ConfigurationKeyName("cert_file")]
    public string CertFile { get; set; } = "";

    /// <summary>The server certificate's private key (PEM).</summary>
    [ConfigurationKeyName("key_file")]
    public string KeyFile { get; set; } = "";

    /// <summary>The CA bundle the certificate chains to: what clients trust and join tokens pin (its first certificate).</summary>
    [ConfigurationKeyName("ca_file")]
    public string CaFile { get; set; } = "";

    /// <summary>Whether the operator brought a certificate of their own.</summary>
    public bool IsConfigured => CertFile.Length > 0 || KeyFile.Length > 0 || CaFile.Length > 0;
}
