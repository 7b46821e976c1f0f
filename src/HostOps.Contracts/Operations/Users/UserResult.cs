namespace HostOps.Contracts.Operations.Users;

/// <summary>
/// One host's answer to a user operation: the account after it (on a dry run, as it would be; after a delete, null).
/// The password's hash is never part of it.
/// </summary>
public sealed record UserResult : HostOutcome
{
    public UserAccount? User { get; init; }
}
