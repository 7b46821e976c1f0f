namespace HostOps.Contracts.Operations.Command;

/// <summary>
/// One host's answer to <c>command.exec.do</c>. A command that ran is <c>status: ok</c> whatever its exit code; its
/// output is cut at <see cref="CommandRules.MaxOutputBytes"/> each (flagged by the <c>…_truncated</c> fields). A dry
/// run carries none of the command's data.
/// </summary>
public sealed record CommandExecResult : HostOutcome
{
    /// <summary>The exit code (128 + the signal when a signal ended it, e.g. 137 after the time-out's kill).</summary>
    public int? ExitCode { get; init; }

    public string? Stdout { get; init; }

    public string? Stderr { get; init; }

    public bool StdoutTruncated { get; init; }

    public bool StderrTruncated { get; init; }

    public long? DurationMs { get; init; }

    /// <summary>True when the command overran its time-out and its process tree was killed.</summary>
    public bool TimedOut { get; init; }
}
