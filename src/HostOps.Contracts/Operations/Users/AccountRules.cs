using System.Text.RegularExpressions;

namespace HostOps.Contracts.Operations.Users;

/// <summary>
/// The input rules of the user, group and SSH key operations. A name reaches useradd, usermod, userdel, groupadd,
/// groupmod, groupdel or gpasswd as one argument, and the rules keep it a plain word: lower case letters, digits,
/// <c>_</c> and <c>-</c>, never starting with <c>-</c> (an option). Paths and comments hold no <c>:</c> or line break
/// (the field separators of <c>/etc/passwd</c>). A password's text is never part of an error.
/// </summary>
public static partial class AccountRules
{
    /// <summary>The longest login or group name (shadow-utils' default LOGIN_NAME_MAX less one is larger; 32 is what every tool takes).</summary>
    public const int MaxNameLength = 32;

    public const int MaxGroups = 64;
    public const int MaxMembers = 1024;
    public const int MaxPathLength = 4096;
    public const int MaxCommentLength = 255;
    public const int MaxPasswordLength = 1024;

    /// <summary>The largest uid or gid taken (65534, nobody, and 4294967295, -1, are left out).</summary>
    public const int MaxId = 2_147_483_646;

    private const string NameForm = "1-32 of a-z 0-9 _ -, starting with a letter or _";

    /// <summary>A login or group name: <c>[a-z_][a-z0-9_-]{0,31}</c>.</summary>
    public static string? Name(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field}: is required";
        }

        return NamePattern().IsMatch(value) ? null : $"{field}: '{value}' is not a valid user or group name ({NameForm})";
    }

    /// <summary>An optional list of names (groups, members), each a <see cref="Name"/>, at most <paramref name="most"/>, no repeats.</summary>
    public static string? Names(string field, IReadOnlyList<string>? values, int most)
    {
        if (values is null)
        {
            return null;
        }

        if (values.Count > most)
        {
            return $"{field}: {values.Count} given, the limit is {most}";
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (Name($"{field}[{i}]", values[i]) is { } error)
            {
                return error;
            }
        }

        return values.Distinct(StringComparer.Ordinal).Count() == values.Count ? null : $"{field}: holds a name twice";
    }

    /// <summary>An optional uid or gid: 0 to <see cref="MaxId"/>.</summary>
    public static string? Id(string field, int? value) =>
        value is null or (>= 0 and <= MaxId) ? null : $"{field}: {value} is out of range (0-{MaxId})";

    /// <summary>An optional home directory or shell: an absolute path without <c>..</c>, <c>:</c>, blanks or control characters.</summary>
    public static string? AbsolutePath(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length is 0 or > MaxPathLength || value[0] != '/' || !PathPattern().IsMatch(value))
        {
            return $"{field}: '{value}' is not an absolute path (1-{MaxPathLength} characters from /, no blank, ':' or control character)";
        }

        return value.Split('/').Any(s => s is "." or "..") ? $"{field}: '{value}' holds '.' or '..' segments" : null;
    }

    /// <summary>An optional GECOS comment: at most 255 characters, no <c>:</c>, line break or control character.</summary>
    public static string? Comment(string field, string? value) =>
        value is null || (value.Length <= MaxCommentLength && !value.Any(c => c == ':' || char.IsControl(c)))
            ? null
            : $"{field}: is longer than {MaxCommentLength} characters or holds ':' or a control character";

    /// <summary>
    /// A crypt hash to store as it is: <c>$6$[rounds=N$]SALT$HASH</c> (86 characters), <c>$5$…</c> (43) or
    /// <c>$y$PARAMS$SALT$HASH</c> (43). The hash itself is not echoed back.
    /// </summary>
    public static string? Hash(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return HashPattern().IsMatch(value)
            ? null
            : $"{field}: is not a crypt hash ($6$[rounds=N$]SALT$ and 86 characters, $5$[rounds=N$]SALT$ and 43, or $y$PARAMS$SALT$ and 43, of ./0-9A-Za-z)";
    }

    /// <summary>A plaintext password: 1-1024 characters, no NUL or line break. Its text is never part of the error.</summary>
    public static string? Password(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return value.Length is > 0 and <= MaxPasswordLength && !value.Any(c => c is '\0' or '\n' or '\r')
            ? null
            : $"{field}: must be 1-{MaxPasswordLength} characters without NUL or line breaks";
    }

    /// <summary><c>user.password.set</c>: exactly one of <c>password</c> and <c>hash</c>, each in its form.</summary>
    public static string? PasswordInput(UserPasswordRequest request) =>
        Name("name", request.Name)
        ?? ((request.Password is null) == (request.Hash is null) ? "password: give either password or hash (not both)" : null)
        ?? Password("password", request.Password)
        ?? Hash("hash", request.Hash);

    /// <summary>
    /// The API's preparation of <c>user.password.set</c> (its declaration's <c>Prepare</c>): a plaintext becomes a
    /// SHA-512 crypt hash with a random salt, and the plaintext is dropped, before the job is stored.
    /// </summary>
    public static UserPasswordRequest HashPassword(UserPasswordRequest request) =>
        request.Password is { } plaintext ? request with { Password = null, Hash = Sha512Crypt.Hash(plaintext) } : request;

    /// <summary>Create and update: the name and every attribute given.</summary>
    public static string? UserChange(UserChangeRequest request) =>
        Name("name", request.Name)
        ?? Id("uid", request.Uid)
        ?? (request.Group is null ? null : Name("group", request.Group))
        ?? Names("groups", request.Groups, MaxGroups)
        ?? AbsolutePath("home", request.Home)
        ?? AbsolutePath("shell", request.Shell)
        ?? Comment("comment", request.Comment);

    public static string? GroupChange(GroupChangeRequest request) =>
        Name("name", request.Name) ?? Id("gid", request.Gid) ?? Names("members", request.Members, MaxMembers);

    /// <summary>A key to add: one OpenSSH public key line without options.</summary>
    public static string? Key(string field, string? value) =>
        SshPublicKey.Parse(value, allowOptions: false, out var error) is null ? $"{field}: {error}" : null;

    /// <summary>A fingerprint to remove (<see cref="SshPublicKey.NormalizeFingerprint"/>).</summary>
    public static string? Fingerprint(string field, string? value) =>
        SshPublicKey.NormalizeFingerprint(value) is null
            ? $"{field}: '{value}' is not a SHA256 fingerprint (SHA256: and 43 characters of base64 or base64url, as ssh-keygen -lf prints it)"
            : null;

    [GeneratedRegex("^[a-z_][a-z0-9_-]{0,31}\\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^/[^\\s:\\p{C}]*\\z")]
    private static partial Regex PathPattern();

    [GeneratedRegex("^(\\$6\\$(rounds=[0-9]{1,9}\\$)?[./0-9A-Za-z]{1,16}\\$[./0-9A-Za-z]{86}|\\$5\\$(rounds=[0-9]{1,9}\\$)?[./0-9A-Za-z]{1,16}\\$[./0-9A-Za-z]{43}|\\$y\\$[./0-9A-Za-z]{1,32}\\$[./0-9A-Za-z]{1,86}\\$[./0-9A-Za-z]{43})\\z")]
    private static partial Regex HashPattern();
}
