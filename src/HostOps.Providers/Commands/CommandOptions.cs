namespace HostOps.Providers.Commands;

/// <summary>
/// How to run one command beyond its argument list: variables added to the agent's environment (e.g.
/// <c>DEBIAN_FRONTEND=noninteractive</c>) and a time limit of its own (a package install runs for minutes).
/// </summary>
public sealed record CommandOptions
{
    public static CommandOptions None { get; } = new();

    /// <summary>Set in the command's environment, over the agent's own values.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Stops the command after this long; null keeps the runner's default.</summary>
    public TimeSpan? Timeout { get; init; }
}
