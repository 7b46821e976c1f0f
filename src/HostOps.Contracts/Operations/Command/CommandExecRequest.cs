namespace HostOps.Contracts.Operations.Command;

/// <summary>Input of <c>command.exec.do</c>: a program and its arguments, run without a shell.</summary>
public sealed record CommandExecRequest : ChangeRequest
{
    /// <summary>The program (an absolute path, or a bare name looked up on the agent's PATH) and its arguments.</summary>
    public required IReadOnlyList<string> Argv { get; init; }

    /// <summary>The working directory (an absolute path); null: the agent's own.</summary>
    public string? Cwd { get; init; }

    /// <summary>Variables added to (or replacing those of) the agent's environment.</summary>
    public IReadOnlyDictionary<string, string>? Env { get; init; }

    /// <summary>Seconds the command may run before its process tree is killed; null: <see cref="CommandRules.DefaultTimeout"/>.</summary>
    public int? Timeout { get; init; }
}
