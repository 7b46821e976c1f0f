using HostOps.Contracts.Text;
using Microsoft.Extensions.Configuration;

namespace HostOps.Jobs.Configuration;

public sealed class JobStreamOptions
{
    public string Name { get; set; } = "JOBS";

    /// <summary>First subject token of job notifications: <c>&lt;prefix&gt;.{query|modify}.&lt;route&gt;</c>.</summary>
    [ConfigurationKeyName("subject_prefix")]
    public string SubjectPrefix { get; set; } = "jobs";

    public string Storage { get; set; } = "file";

    public int Replicas { get; set; } = 1;

    [ConfigurationKeyName("max_age")]
    public Duration MaxAge { get; set; } = Duration.FromSeconds(24 * 3600);

    /// <summary>Window in which a second publish with the same message id is dropped.</summary>
    [ConfigurationKeyName("duplicate_window")]
    public Duration DuplicateWindow { get; set; } = Duration.FromSeconds(120);

    /// <summary>The stream's size limit; once reached a submit is refused (503), never an older notification dropped.</summary>
    [ConfigurationKeyName("max_bytes")]
    public ByteSize MaxBytes { get; set; } = ByteSize.FromGibibytes(1);
}
