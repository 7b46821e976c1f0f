using HostOps.Contracts.Text;

namespace HostOps.Api.Configuration;

/// <summary>The <c>api:audit:</c> section: the audit log of changes and refusals (docs/api.md "Audit log").</summary>
public sealed class AuditOptions
{
    public const string Section = "api:audit";

    /// <summary>Whether requests are recorded at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The JetStream stream that keeps the entries.</summary>
    public string Stream { get; set; } = "AUDIT";

    /// <summary>Entries are published on <c>&lt;prefix&gt;.&lt;code&gt;</c>.</summary>
    [ConfigurationKeyName("subject_prefix")]
    public string SubjectPrefix { get; set; } = "audit";

    /// <summary>How long an entry is kept.</summary>
    [ConfigurationKeyName("max_age")]
    public Duration MaxAge { get; set; } = Duration.FromSeconds(30 * 24 * 3600);

    /// <summary>The stream's size bound: beyond it the oldest entries go first.</summary>
    [ConfigurationKeyName("max_bytes")]
    public ByteSize MaxBytes { get; set; } = ByteSize.FromMebibytes(256);

    /// <summary>Copies of the stream in a cluster; unset, as many as <c>job.stream.replicas</c>.</summary>
    public int? Replicas { get; set; }

    /// <summary>Entries waiting to be written; beyond it new entries are counted as dropped and logged, never awaited by a request.</summary>
    [ConfigurationKeyName("queue")]
    public int Queue { get; set; } = 10_000;
}
