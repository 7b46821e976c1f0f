using Microsoft.Extensions.Configuration;

namespace HostOps.Jobs.Configuration;

public sealed class JobWorkerOptions
{
    /// <summary>The agent's hostname; empty means the machine's.</summary>
    public string Hostname { get; set; } = "";

    public Dictionary<string, string> Labels { get; set; } = [];

    /// <summary>
    /// A join token from <c>hostops token generate --join</c> (or <c>hostops agent start --join</c>): an agent on another
    /// host enrolls with it once; afterwards its identity in the data directory is enough.
    /// </summary>
    [Microsoft.Extensions.Configuration.ConfigurationKeyName("join_token")]
    public string JoinToken { get; set; } = "";

    [ConfigurationKeyName("max_jobs")]
    public int MaxJobs { get; set; } = 10;

    /// <summary>Remote command execution (<c>command.exec.do</c>): off unless enabled, optionally limited to an allow list.</summary>
    public JobWorkerCommandOptions Command { get; set; } = new();

    /// <summary>Where the file operations may read and write (<c>allow</c>: directories).</summary>
    public JobWorkerFilesOptions Files { get; set; } = new();
}
