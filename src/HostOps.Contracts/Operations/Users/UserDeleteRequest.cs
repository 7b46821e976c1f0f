namespace HostOps.Contracts.Operations.Users;

/// <summary>Input of <c>user.delete.do</c>: the account to remove; an account that does not exist is <c>changed: false</c>.</summary>
public sealed record UserDeleteRequest : ChangeRequest
{
    public required string Name { get; init; }

    /// <summary>Also remove the home directory and mail spool (<c>userdel -r</c>).</summary>
    public bool? RemoveHome { get; init; }
}
