using Microsoft.Extensions.Configuration;

namespace HostOps.Jobs.Configuration;

/// <summary>The <c>nats:</c> section as the API and agents see it: where to connect and as whom.</summary>
public sealed class NatsConnectionOptions
{
    public const string Section = "nats";

    /// <summary>One URL or a comma-separated list (every server of a cluster), as NATS clients take them.</summary>
    public string Url { get; set; } = "nats://127.0.0.1:4222";

    /// <summary>
    /// The NATS user seed this process connects with (a file in the standard <c>SU…</c> form, mode 0600). Empty: the
    /// CLI picks the data directory's own identity (the API side's, or the enrolled agent's); with none, anonymous.
    /// </summary>
    [ConfigurationKeyName("nkey_file")]
    public string NkeyFile { get; set; } = "";

    /// <summary>The CA (PEM) that NATS's certificate must chain to; set, TLS is required. Empty: plain, as on loopback.</summary>
    [ConfigurationKeyName("ca_file")]
    public string CaFile { get; set; } = "";

    /// <summary>Where replies to this connection's requests go; an agent's permissions allow only its own prefix.</summary>
    [ConfigurationKeyName("inbox_prefix")]
    public string InboxPrefix { get; set; } = "";
}
