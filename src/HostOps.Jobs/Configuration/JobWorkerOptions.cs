using Microsoft.Extensions.Configuration;

namespace HostOps.Jobs.Configuration;

public sealed class JobWorkerOptions
{
    /// <summary>The agent's hostname; empty means the machine's.</summary>
    public string Hostname { get; set; } = "";

    public Dictionary<string, string> Labels { get; set; } = [];

    [ConfigurationKeyName("max_jobs")]
    public int MaxJobs { get; set; } = 10;
}
