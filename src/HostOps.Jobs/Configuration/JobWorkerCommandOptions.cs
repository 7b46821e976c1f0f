namespace HostOps.Jobs.Configuration;

/// <summary><c>job.worker.command</c>: whether this agent runs <c>command.exec.do</c>, and which programs.</summary>
public sealed class JobWorkerCommandOptions
{
    /// <summary>Off by default: an agent runs no caller's command until its operator turns this on.</summary>
    public bool Enabled { get; set; }

    /// <summary>Absolute paths or globs (<c>/usr/bin/*</c>) of the programs allowed; empty allows any when enabled.</summary>
    public List<string> Allow { get; set; } = [];
}
