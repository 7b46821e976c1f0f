namespace HostOps.Contracts.Operations.Services;

/// <summary>One host's answer to <c>service.list.get</c>: its services, by name.</summary>
public sealed record ServiceListResult : HostOutcome
{
    public IReadOnlyList<ServiceUnit>? Services { get; init; }
}
