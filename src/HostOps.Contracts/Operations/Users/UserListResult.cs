namespace HostOps.Contracts.Operations.Users;

/// <summary>One host's answer to <c>user.list.get</c>: its accounts, in <c>/etc/passwd</c> order.</summary>
public sealed record UserListResult : HostOutcome
{
    public IReadOnlyList<UserAccount>? Users { get; init; }
}
