namespace HostOps.Client.Configuration;

/// <summary>The <c>api:client:</c> section: where the CLI and SDK find the API.</summary>
public sealed class ApiClientOptions
{
    public const string Section = "api:client";

    public string Url { get; set; } = "http://127.0.0.1:8080";

    public string Token { get; set; } = "";

    /// <summary>
    /// <c>api.client.ca_file</c>: a CA bundle (PEM) the API's HTTPS certificate may chain to, trusted beside the system's
    /// roots; empty: the system's roots alone (the CLI then uses <c>&lt;data_dir&gt;/tls/ca.pem</c> when it exists).
    /// </summary>
    public string CaFile { get; set; } = "";
}
