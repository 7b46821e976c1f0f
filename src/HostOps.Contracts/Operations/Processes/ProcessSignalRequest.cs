namespace HostOps.Contracts.Operations.Processes;

/// <summary>Input of <c>process.signal.do</c>.</summary>
public sealed record ProcessSignalRequest : ChangeRequest
{
    public required int Pid { get; init; }

    /// <summary>One of <see cref="ProcessRules.Signals"/>, with or without <c>SIG</c>, in any case.</summary>
    public required string Signal { get; init; }
}
