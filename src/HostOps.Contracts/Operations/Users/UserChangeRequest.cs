namespace HostOps.Contracts.Operations.Users;

/// <summary>
/// Input of <c>user.create.do</c> (<c>POST /user</c>) and <c>user.update.do</c> (<c>PUT /user/{name}</c>): the
/// account and the attributes to have. A property left out (null) is left as it is (on create: the tool's default).
/// </summary>
public sealed record UserChangeRequest : ChangeRequest
{
    /// <summary>The login name (<see cref="AccountRules.Name"/>).</summary>
    public required string Name { get; init; }

    public int? Uid { get; init; }

    /// <summary>The primary group, by name; on create, a group of the user's name by default.</summary>
    public string? Group { get; init; }

    /// <summary>The supplementary groups, by name: exactly these (an empty list removes the user from all of them).</summary>
    public IReadOnlyList<string>? Groups { get; init; }

    /// <summary>The home directory (absolute); created with the account.</summary>
    public string? Home { get; init; }

    /// <summary>The login shell (absolute path).</summary>
    public string? Shell { get; init; }

    /// <summary>The GECOS field (full name …).</summary>
    public string? Comment { get; init; }

    /// <summary>True locks the password (<c>usermod -L</c>), false unlocks it.</summary>
    public bool? Locked { get; init; }
}
