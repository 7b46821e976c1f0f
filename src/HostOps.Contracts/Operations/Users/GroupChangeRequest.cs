namespace HostOps.Contracts.Operations.Users;

/// <summary>
/// Input of <c>group.create.do</c> (<c>POST /group</c>) and <c>group.update.do</c> (<c>PUT /group/{name}</c>). A
/// property left out (null) is left as it is.
/// </summary>
public sealed record GroupChangeRequest : ChangeRequest
{
    public required string Name { get; init; }

    public int? Gid { get; init; }

    /// <summary>The members, by login name: exactly these (an empty list removes every member).</summary>
    public IReadOnlyList<string>? Members { get; init; }
}
