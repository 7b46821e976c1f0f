using HostOps.Contracts.Text;
using Microsoft.Extensions.Configuration;

namespace HostOps.Jobs.Configuration;

public sealed class JobKvOptions
{
    public string Bucket { get; set; } = "job-queue";

    public string Storage { get; set; } = "file";

    public int Replicas { get; set; } = 1;

    public Duration Ttl { get; set; } = Duration.FromSeconds(24 * 3600);

    /// <summary>The size limit of the job bucket; a full bucket refuses writes.</summary>
    [ConfigurationKeyName("max_bytes")]
    public ByteSize MaxBytes { get; set; } = ByteSize.FromGibibytes(1);
}
