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
}
