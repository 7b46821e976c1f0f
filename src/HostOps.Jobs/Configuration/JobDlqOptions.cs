using HostOps.Contracts.Text;
using Microsoft.Extensions.Configuration;

namespace HostOps.Jobs.Configuration;

public sealed class JobDlqOptions
{
    public string Name { get; set; } = "JOBS-DLQ";

    public string Storage { get; set; } = "file";

    public int Replicas { get; set; } = 1;

    [ConfigurationKeyName("max_age")]
    public Duration MaxAge { get; set; } = Duration.FromSeconds(168 * 3600);
}
