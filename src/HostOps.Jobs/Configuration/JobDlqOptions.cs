using HostOps.Contracts.Text;
using Microsoft.Extensions.Configuration;

namespace HostOps.Jobs.Configuration;

public sealed class JobDlqOptions
{
    public string Name { get; set; } = "JOBS-DLQ";

    /// <summary>Dead letters are published to <c>&lt;prefix&gt;.&lt;job id&gt;</c>.</summary>
    [ConfigurationKeyName("subject_prefix")]
    public string SubjectPrefix { get; set; } = "jobs-dlq";

    public string Storage { get; set; } = "file";

    public int Replicas { get; set; } = 1;

    [ConfigurationKeyName("max_age")]
    public Duration MaxAge { get; set; } = Duration.FromSeconds(168 * 3600);

    /// <summary>The dead-letter stream's size limit; once reached the oldest dead letters go first.</summary>
    [ConfigurationKeyName("max_bytes")]
    public ByteSize MaxBytes { get; set; } = ByteSize.FromMebibytes(256);
}
