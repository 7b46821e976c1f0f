namespace HostOps.Contracts.Operations.Processes;

/// <summary>One host's answer to <c>process.signal.do</c>: the process and the signal's name (<c>TERM</c>).</summary>
public sealed record ProcessSignalResult : HostOutcome
{
    public int? Pid { get; init; }

    public string? Signal { get; init; }
}
