using HostOps.Contracts.Text;
using Microsoft.Extensions.Configuration;

namespace HostOps.Jobs.Configuration;

public sealed class JobKvOptions
{
    public string Bucket { get; set; } = "job-queue";

    [ConfigurationKeyName("response_bucket")]
    public string ResponseBucket { get; set; } = "job-responses";

    public string Storage { get; set; } = "file";

    public int Replicas { get; set; } = 1;

    public Duration Ttl { get; set; } = Duration.FromSeconds(24 * 3600);
}
