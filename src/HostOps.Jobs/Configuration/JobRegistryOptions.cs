using HostOps.Contracts.Text;
using Microsoft.Extensions.Configuration;

namespace HostOps.Jobs.Configuration;

public sealed class JobRegistryOptions
{
    public string Bucket { get; set; } = "agent-registry";

    /// <summary>Where enrolled agents are kept (public key, labels, accepted or pending); same storage and replicas.</summary>
    [ConfigurationKeyName("enrollment_bucket")]
    public string EnrollmentBucket { get; set; } = "agent-enrollments";

    public string Storage { get; set; } = "file";

    public int Replicas { get; set; } = 1;

    /// <summary>How long an agent's key lives without a heartbeat.</summary>
    public Duration Ttl { get; set; } = Duration.FromSeconds(15);

    [ConfigurationKeyName("heartbeat_interval")]
    public Duration HeartbeatInterval { get; set; } = Duration.FromSeconds(5);

    /// <summary>The registry bucket's size limit; one small key per live agent.</summary>
    [ConfigurationKeyName("max_bytes")]
    public ByteSize MaxBytes { get; set; } = ByteSize.FromMebibytes(16);
}
