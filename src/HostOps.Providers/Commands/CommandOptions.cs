namespace HostOps.Providers.Commands;

/// <summary>
/// How to run one command beyond its argument list: variables added to the agent's environment (e.g.
/// <c>DEBIAN_FRONTEND=noninteractive</c>), a time limit of its own (a package install runs for minutes) and what to
/// write to its standard input.
/// </summary>
public sealed record CommandOptions
{
    public static CommandOptions None { get; } = new();

    /// <summary>Set in the command's environment, over the agent's own values.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Stops the command after this long; null keeps the runner's default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Written to the command's standard input, which is then closed (null: closed at once). For what must not appear
    /// in an argument list, where every local user can read it (<c>ps</c>, <c>/proc/PID/cmdline</c>); never logged.
    /// </summary>
    public string? StandardInput { get; init; }
}
