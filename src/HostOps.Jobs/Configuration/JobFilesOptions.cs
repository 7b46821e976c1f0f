using HostOps.Contracts.Text;
using Microsoft.Extensions.Configuration;

namespace HostOps.Jobs.Configuration;

/// <summary>The <c>job.files</c> section: the NATS Object Store bucket of the file store (<c>POST /file</c>).</summary>
public sealed class JobFilesOptions
{
    public string Bucket { get; set; } = "hostops-files";

    public string Storage { get; set; } = "file";

    /// <summary>Unset: as many as <c>job.stream.replicas</c>, so a cluster's file store survives the loss of a server too.</summary>
    public int? Replicas { get; set; }

    /// <summary>The bucket's size limit; a full bucket refuses uploads (503 naming the bucket).</summary>
    [ConfigurationKeyName("max_bytes")]
    public ByteSize MaxBytes { get; set; } = ByteSize.FromGibibytes(1);
}
