using HostOps.Contracts.Text;

namespace HostOps.Api.Configuration;

/// <summary>The <c>api:server:</c> section.</summary>
public sealed class ApiServerOptions
{
    public const string Section = "api:server";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 8080;

    /// <summary>How long a node operation waits for its job before answering 504.</summary>
    [ConfigurationKeyName("job_timeout")]
    public Duration JobTimeout { get; set; } = Duration.FromSeconds(30);

    public ApiSecurityOptions Security { get; set; } = new();

    /// <summary>The job event streams.</summary>
    public ApiEventOptions Events { get; set; } = new();

    /// <summary>HTTPS; required for a listen address beyond loopback unless <see cref="AllowInsecureHttp"/>.</summary>
    public ApiTlsOptions Tls { get; set; } = new();

    /// <summary>Lets the API listen beyond loopback over plain HTTP (a trusted network only: tokens travel in clear text).</summary>
    [ConfigurationKeyName("allow_insecure_http")]
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Whether <see cref="Host"/> is reachable only from this machine.</summary>
    public bool IsLoopbackOnly => HostOps.Nats.Tls.HostOpsCa.IsLoopbackOnly(Host);

    /// <summary>The problem with listening as configured (beyond loopback without TLS), or null.</summary>
    public string? InsecureListenProblem =>
        IsLoopbackOnly || Tls.Enabled || AllowInsecureHttp
            ? null
            : $"the API would listen on {Host} (beyond loopback) without TLS; set api.server.tls.enabled: true, or api.server.allow_insecure_http: true on a trusted network";
}
