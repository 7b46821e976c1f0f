using System.Globalization;
using HostOps.Contracts.Operations.Users;
using HostOps.Providers.Commands;

namespace HostOps.Providers.Users;

/// <summary>
/// Creates, changes and deletes local users through <c>useradd</c>, <c>usermod</c> and <c>userdel</c>, and sets
/// their passwords (<c>chpasswd -e</c> with <c>NAME:HASH</c> on its standard input, a crypt hash only). Each change reads the account first and runs a
/// tool only for what differs (<c>changed: false</c> otherwise); a dry run answers the account as it would be and
/// runs nothing; a change needs <see cref="HostChangeGuard"/>.
/// </summary>
[HostProvider]
public sealed class UserChanger(AccountDatabase accounts, AccountTool tool, HostChangeGuard guard)
{
    /// <summary><c>user.create.do</c>: a new account, or an existing one brought to the attributes given.</summary>
    public async Task<UserChange> CreateAsync(UserChangeRequest request, CancellationToken cancellationToken)
    {
        if (accounts.User(request.Name) is not null)
        {
            return await UpdateAsync(request, cancellationToken);
        }

        if (request.DryRun)
        {
            return new UserChange(Predicted(request), true);
        }

        guard.EnsureAllowed($"creating user {request.Name}");
        List<string> arguments = ["-m", .. Attributes(request)];
        await tool.RunAsync("useradd", [.. arguments, request.Name], cancellationToken);
        if (request.Locked == true)
        {
            await tool.RunAsync("usermod", ["-L", request.Name], cancellationToken);
        }

        return new UserChange(accounts.ExistingUser(request.Name), true);
    }

    /// <summary><c>user.update.do</c>: an existing account changed where it differs from the request.</summary>
    public async Task<UserChange> UpdateAsync(UserChangeRequest request, CancellationToken cancellationToken)
    {
        var user = accounts.ExistingUser(request.Name);
        var arguments = Differences(user, request);
        if (arguments.Count == 0)
        {
            return new UserChange(user, false);
        }

        if (request.DryRun)
        {
            return new UserChange(Applied(user, request), true);
        }

        guard.EnsureAllowed($"changing user {request.Name}");
        await tool.RunAsync("usermod", [.. arguments, request.Name], cancellationToken);
        return new UserChange(accounts.ExistingUser(request.Name), true);
    }

    /// <summary><c>user.delete.do</c>: removes the account (and its home with <paramref name="removeHome"/>); none is unchanged.</summary>
    public async Task<UserChange> DeleteAsync(string name, bool removeHome, bool dryRun, CancellationToken cancellationToken)
    {
        if (accounts.User(name) is null)
        {
            return new UserChange(null, false);
        }

        if (!dryRun)
        {
            guard.EnsureAllowed($"deleting user {name}");
            await tool.RunAsync("userdel", removeHome ? ["-r", name] : [name], cancellationToken);
        }

        return new UserChange(null, true);
    }

    /// <summary><c>user.password.set</c>: stores <paramref name="hash"/> (a crypt hash); the same hash already there is unchanged.</summary>
    public async Task<UserChange> SetPasswordAsync(string name, string hash, bool dryRun, CancellationToken cancellationToken)
    {
        if (AccountRules.Hash("hash", hash) is { } invalid)
        {
            throw new HostProviderException(invalid);
        }

        var user = accounts.ExistingUser(name);
        if (accounts.PasswordHash(name) == hash)
        {
            return new UserChange(user, false);
        }

        if (dryRun)
        {
            return new UserChange(user with { Locked = false }, true);
        }

        guard.EnsureAllowed($"setting the password of {name}");
        // On standard input, not as an argument: every local user can read a process's arguments.
        await tool.RunAsync("chpasswd", ["-e"], new CommandOptions { StandardInput = $"{name}:{hash}\n" }, cancellationToken);
        return new UserChange(accounts.ExistingUser(name), true);
    }

    // The options useradd and usermod share, for the attributes given.
    private static List<string> Attributes(UserChangeRequest request)
    {
        var arguments = new List<string>();
        Add(arguments, "-u", request.Uid?.ToString(CultureInfo.InvariantCulture));
        Add(arguments, "-g", request.Group);
        Add(arguments, "-G", request.Groups is null ? null : string.Join(',', request.Groups));
        Add(arguments, "-d", request.Home);
        Add(arguments, "-s", request.Shell);
        Add(arguments, "-c", request.Comment);
        return arguments;
    }

    private static List<string> Differences(UserAccount user, UserChangeRequest request)
    {
        var wanted = request with
        {
            Uid = request.Uid == user.Uid ? null : request.Uid,
            Group = request.Group == user.Group ? null : request.Group,
            Groups = request.Groups is null || SameSet(request.Groups, user.Groups) ? null : request.Groups,
            Home = request.Home == user.Home ? null : request.Home,
            Shell = request.Shell == user.Shell ? null : request.Shell,
            Comment = request.Comment == user.Comment ? null : request.Comment,
        };
        var arguments = Attributes(wanted);
        if (request.Locked is { } locked && user.Locked != locked)
        {
            arguments.Add(locked ? "-L" : "-U");
        }

        return arguments;
    }

    private static UserAccount Predicted(UserChangeRequest request) => new()
    {
        Name = request.Name,
        Uid = request.Uid,
        Group = request.Group ?? request.Name,
        Groups = request.Groups ?? [],
        Home = request.Home ?? $"/home/{request.Name}",
        Shell = request.Shell ?? "",
        Comment = request.Comment ?? "",
        Locked = request.Locked ?? false,
    };

    private static UserAccount Applied(UserAccount user, UserChangeRequest request) => user with
    {
        Uid = request.Uid ?? user.Uid,
        Group = request.Group ?? user.Group,
        Groups = request.Groups ?? user.Groups,
        Home = request.Home ?? user.Home,
        Shell = request.Shell ?? user.Shell,
        Comment = request.Comment ?? user.Comment,
        Locked = request.Locked ?? user.Locked,
    };

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.ToHashSet(StringComparer.Ordinal).SetEquals(b);

    private static void Add(List<string> arguments, string option, string? value)
    {
        if (value is not null)
        {
            arguments.AddRange([option, value]);
        }
    }
}
