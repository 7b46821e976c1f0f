using HostOps.Contracts.Text;

namespace HostOps.Jobs.Configuration;

/// <summary>The API's sweep that moves stranded jobs on (see <c>JobSweeper</c>).</summary>
public sealed class JobSweepOptions
{
    /// <summary>How often the sweep looks for jobs never published and attempts whose agent is gone.</summary>
    public Duration Interval { get; set; } = Duration.FromSeconds(5);
}
