namespace HostOps.Contracts.Operations.Processes;

/// <summary>Input of <c>process.detail.get</c>.</summary>
public sealed record ProcessDetailRequest
{
    public required int Pid { get; init; }
}
