using HostOps.Contracts.Operations.Users;

namespace HostOps.Providers.Users;

/// <summary>A user after a change (null after a delete); <paramref name="Changed"/> is false when nothing was to do.</summary>
public sealed record UserChange(UserAccount? User, bool Changed);

/// <summary>A group after a change (null after a delete); <paramref name="Changed"/> is false when nothing was to do.</summary>
public sealed record GroupChange(AccountGroup? Group, bool Changed);
