namespace HostOps.Contracts.Operations.Users;

/// <summary>Input of <c>group.delete.do</c>; a group that does not exist is <c>changed: false</c>.</summary>
public sealed record GroupDeleteRequest : ChangeRequest
{
    public required string Name { get; init; }
}
