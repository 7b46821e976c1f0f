using HostOps.Contracts.Security;

namespace HostOps.Contracts.Operations.Users;

/// <summary>Declared operations of a user's <c>~/.ssh/authorized_keys</c>: list, add and remove keys.</summary>
public static class SshKeyOperations
{
    private const string FingerprintHelp =
        "The key's fingerprint as ssh-keygen -lf prints it (SHA256:…), or its base64 alone; in a URL, base64url (- and _ for + and /) or SHA256%3A… with %2B and %2F";

    /// <summary><c>GET /user/{name}/ssh-key</c>: the keys a user may log in with.</summary>
    public static readonly Operation<UserRequest, SshKeyListResult> List = new()
    {
        Type = "user.ssh-key.list.get",
        Area = UserOperations.User,
        Method = "GET",
        Route = "/user/{name}/ssh-key",
        Verb = ["ssh-key", "list"],
        Summary = "List the SSH keys of a user's authorized_keys on each targeted host, with their SHA256 fingerprints.",
        Scope = Scopes.Read,
        Input = UsersJsonContext.Default.UserRequest,
        Result = UsersJsonContext.Default.SshKeyListResult,
        Results = UsersJsonContext.Default.NodeResultsSshKeyListResult,
        Example = new UserRequest { Name = "root" },
        Validate = request => AccountRules.Name("name", request.Name),
        Help = new Dictionary<string, string> { ["name"] = UserOperations.NameHelp },
        Examples = ["hostops client user ssh-key list deploy --target web-01"],
    };

    /// <summary><c>POST /user/{name}/ssh-key</c>: adds a key (unchanged when it is there).</summary>
    public static readonly Operation<SshKeyAddRequest, SshKeyResult> Add = new()
    {
        Type = "user.ssh-key.add.do",
        Area = UserOperations.User,
        Method = "POST",
        Route = "/user/{name}/ssh-key",
        Verb = ["ssh-key", "add"],
        Arguments = ["name", "key"],
        Summary = "Add an SSH public key to a user's authorized_keys on each targeted host (nothing to do when it is there).",
        Scope = Scopes.Admin,
        ChangesHost = true,
        Input = UsersJsonContext.Default.SshKeyAddRequest,
        Result = UsersJsonContext.Default.SshKeyResult,
        Results = UsersJsonContext.Default.NodeResultsSshKeyResult,
        Example = new SshKeyAddRequest
        {
            Name = "deploy",
            Key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILfknQiJ6L+c28TuhOALNSsI0mVILLyQzuu0LYF1GEvR alice@laptop",
            DryRun = true,
        },
        Validate = request => AccountRules.Name("name", request.Name) ?? AccountRules.Key("key", request.Key),
        Help = new Dictionary<string, string>
        {
            ["name"] = UserOperations.NameHelp,
            ["key"] = "The public key: TYPE BASE64 [COMMENT], as in a .pub file (ssh-ed25519, ssh-rsa, ecdsa-sha2-*, sk-*)",
            [ChangeRequest.DryRunField] = "Answer what would change, change nothing",
        },
        Examples = ["hostops client user ssh-key add deploy \"$(cat ~/.ssh/id_ed25519.pub)\" --target _all"],
    };

    /// <summary><c>DELETE /user/{name}/ssh-key/{fingerprint}</c>: removes a key (unchanged when it is not there).</summary>
    public static readonly Operation<SshKeyRemoveRequest, SshKeyResult> Remove = new()
    {
        Type = "user.ssh-key.remove.do",
        Area = UserOperations.User,
        Method = "DELETE",
        Route = "/user/{name}/ssh-key/{fingerprint}",
        Verb = ["ssh-key", "remove"],
        Summary = "Remove an SSH key, by fingerprint, from a user's authorized_keys on each targeted host (nothing to do when it is not there).",
        Scope = Scopes.Admin,
        ChangesHost = true,
        Input = UsersJsonContext.Default.SshKeyRemoveRequest,
        Result = UsersJsonContext.Default.SshKeyResult,
        Results = UsersJsonContext.Default.NodeResultsSshKeyResult,
        Example = new SshKeyRemoveRequest { Name = "deploy", Fingerprint = "SHA256:PLSOa8Tu4t2DUTapAL18BRd_bf3wDAiW6O40iloEhdU", DryRun = true },
        Validate = request => AccountRules.Name("name", request.Name) ?? AccountRules.Fingerprint("fingerprint", request.Fingerprint),
        Help = new Dictionary<string, string>
        {
            ["name"] = UserOperations.NameHelp,
            ["fingerprint"] = FingerprintHelp,
            [ChangeRequest.DryRunField] = "Answer what would change, change nothing",
        },
        Examples = ["hostops client user ssh-key remove deploy SHA256:PLSOa8Tu4t2DUTapAL18BRd/bf3wDAiW6O40iloEhdU --target _all"],
    };
}
