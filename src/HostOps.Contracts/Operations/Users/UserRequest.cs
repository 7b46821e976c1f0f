namespace HostOps.Contracts.Operations.Users;

/// <summary>Input of <c>user.detail.get</c> and <c>user.ssh-key.list.get</c>: the account to read.</summary>
public sealed record UserRequest
{
    /// <summary>The login name (<see cref="AccountRules.Name"/>).</summary>
    public required string Name { get; init; }
}
