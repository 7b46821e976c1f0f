namespace HostOps.Contracts.Operations.Users;

/// <summary>Input of <c>group.detail.get</c>.</summary>
public sealed record GroupRequest
{
    public required string Name { get; init; }
}
