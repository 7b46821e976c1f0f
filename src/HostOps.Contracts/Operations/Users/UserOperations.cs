using HostOps.Contracts.Security;

namespace HostOps.Contracts.Operations.Users;

/// <summary>Declared operations of local accounts: list, read, create, update and delete users, set their passwords.</summary>
public static class UserOperations
{
    public static readonly OperationArea User = new("user", "Users", "List, read, create, change and delete local users, their passwords and SSH keys.");

    internal const string NameHelp = "The login name (1-32 of a-z 0-9 _ -, starting with a letter or _)";

    private static readonly Dictionary<string, string> ChangeHelp = new()
    {
        ["name"] = NameHelp,
        ["uid"] = "The user id",
        ["group"] = "The primary group, by name (on create: a new group of the user's name by default)",
        ["groups"] = "The supplementary groups, exactly these (give none with an empty list in JSON)",
        ["home"] = "The home directory, an absolute path (created with the user)",
        ["shell"] = "The login shell, an absolute path",
        ["comment"] = "The GECOS comment (full name …), no ':'",
        ["locked"] = "true locks the password, false unlocks it",
        [ChangeRequest.DryRunField] = "Answer what would change, change nothing",
    };

    /// <summary><c>GET /user</c>: every account of each host.</summary>
    public static readonly Operation<NoInput, UserListResult> List = new()
    {
        Type = "user.list.get",
        Area = User,
        Method = "GET",
        Route = "/user",
        Verb = ["list"],
        Summary = "List the local users of each targeted host (uid, gid, groups, home, shell, locked).",
        Scope = Scopes.Read,
        Input = UsersJsonContext.Default.NoInput,
        Result = UsersJsonContext.Default.UserListResult,
        Results = UsersJsonContext.Default.NodeResultsUserListResult,
        Example = new NoInput(),
        Examples = ["hostops client user list --target _all"],
    };

    /// <summary><c>GET /user/{name}</c>: one account.</summary>
    public static readonly Operation<UserRequest, UserResult> Detail = new()
    {
        Type = "user.detail.get",
        Area = User,
        Method = "GET",
        Route = "/user/{name}",
        Verb = ["show"],
        Summary = "Show one local user of each targeted host.",
        Scope = Scopes.Read,
        Input = UsersJsonContext.Default.UserRequest,
        Result = UsersJsonContext.Default.UserResult,
        Results = UsersJsonContext.Default.NodeResultsUserResult,
        Example = new UserRequest { Name = "root" },
        Validate = request => AccountRules.Name("name", request.Name),
        Help = new Dictionary<string, string> { ["name"] = NameHelp },
        Examples = ["hostops client user show deploy --target web-01"],
    };

    /// <summary><c>POST /user</c>: creates an account (useradd), or brings an existing one to the attributes given.</summary>
    public static readonly Operation<UserChangeRequest, UserResult> Create = new()
    {
        Type = "user.create.do",
        Area = User,
        Method = "POST",
        Route = "/user",
        Verb = ["create"],
        Arguments = ["name"],
        Summary = "Create a local user on each targeted host (an existing one gets the attributes given).",
        Scope = Scopes.Admin,
        ChangesHost = true,
        Input = UsersJsonContext.Default.UserChangeRequest,
        Result = UsersJsonContext.Default.UserResult,
        Results = UsersJsonContext.Default.NodeResultsUserResult,
        Example = new UserChangeRequest { Name = "deploy", Shell = "/bin/bash", Groups = ["adm"], DryRun = true },
        Validate = AccountRules.UserChange,
        Help = ChangeHelp,
        Examples = ["hostops client user create deploy --shell /bin/bash --groups adm --target _all"],
    };

    /// <summary><c>PUT /user/{name}</c>: changes an existing account (usermod).</summary>
    public static readonly Operation<UserChangeRequest, UserResult> Update = new()
    {
        Type = "user.update.do",
        Area = User,
        Method = "PUT",
        Route = "/user/{name}",
        Verb = ["update"],
        Summary = "Change a local user on each targeted host (uid, primary and supplementary groups, home, shell, comment, locked).",
        Scope = Scopes.Admin,
        ChangesHost = true,
        Input = UsersJsonContext.Default.UserChangeRequest,
        Result = UsersJsonContext.Default.UserResult,
        Results = UsersJsonContext.Default.NodeResultsUserResult,
        Example = new UserChangeRequest { Name = "deploy", Shell = "/bin/sh", DryRun = true },
        Validate = AccountRules.UserChange,
        Help = ChangeHelp,
        Examples = ["hostops client user update deploy --locked --target web-01", "hostops client user update deploy --groups adm --groups docker"],
    };

    /// <summary><c>DELETE /user/{name}</c>: removes an account (userdel); one that does not exist is unchanged.</summary>
    public static readonly Operation<UserDeleteRequest, UserResult> Delete = new()
    {
        Type = "user.delete.do",
        Area = User,
        Method = "DELETE",
        Route = "/user/{name}",
        Verb = ["delete"],
        Summary = "Delete a local user on each targeted host (nothing to do when there is none).",
        Scope = Scopes.Admin,
        ChangesHost = true,
        Input = UsersJsonContext.Default.UserDeleteRequest,
        Result = UsersJsonContext.Default.UserResult,
        Results = UsersJsonContext.Default.NodeResultsUserResult,
        Example = new UserDeleteRequest { Name = "deploy", DryRun = true },
        Validate = request => AccountRules.Name("name", request.Name),
        Help = new Dictionary<string, string>
        {
            ["name"] = NameHelp,
            ["remove_home"] = "Also remove the home directory and mail spool",
            [ChangeRequest.DryRunField] = "Answer what would change, change nothing",
        },
        Examples = ["hostops client user delete deploy --remove-home --target _all"],
    };

    /// <summary>
    /// <c>PUT /user/{name}/password</c>: sets a password from a crypt hash, or from a plaintext the API hashes
    /// (<see cref="AccountRules.HashPassword"/>) before the job exists.
    /// </summary>
    public static readonly Operation<UserPasswordRequest, UserResult> Password = new()
    {
        Type = "user.password.set",
        Area = User,
        Method = "PUT",
        Route = "/user/{name}/password",
        Verb = ["password"],
        Summary = "Set a local user's password on each targeted host, from a crypt hash or a plaintext the API hashes (SHA-512 crypt).",
        Scope = Scopes.Admin,
        ChangesHost = true,
        Input = UsersJsonContext.Default.UserPasswordRequest,
        Result = UsersJsonContext.Default.UserResult,
        Results = UsersJsonContext.Default.NodeResultsUserResult,
        Example = new UserPasswordRequest { Name = "deploy", Password = "correct horse battery staple", DryRun = true },
        Validate = AccountRules.PasswordInput,
        Prepare = AccountRules.HashPassword,
        Secrets = ["password"],
        Help = new Dictionary<string, string>
        {
            ["name"] = NameHelp,
            ["password"] = "The new password in plaintext; the API stores and sends only its SHA-512 crypt hash",
            ["hash"] = "The new password as a crypt hash ($6$…, $5$… or $y$…)",
            [ChangeRequest.DryRunField] = "Answer what would change, change nothing",
        },
        Examples = ["hostops client user password deploy --password-stdin < secret.txt", "hostops client user password deploy --hash \"$(openssl passwd -6)\""],
    };
}
