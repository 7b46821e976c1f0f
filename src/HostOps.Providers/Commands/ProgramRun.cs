namespace HostOps.Providers.Commands;

/// <summary>
/// How a program run by <see cref="CappedProcessRunner"/> ended: its exit code (128 + the signal when one ended it),
/// its output (each cut at the runner's limit, flagged when cut), how long it ran, and whether its time ran out.
/// </summary>
public sealed record ProgramRun(
    int ExitCode,
    string StandardOutput,
    bool StandardOutputTruncated,
    string StandardError,
    bool StandardErrorTruncated,
    TimeSpan Duration,
    bool TimedOut);
