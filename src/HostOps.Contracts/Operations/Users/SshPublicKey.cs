using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace HostOps.Contracts.Operations.Users;

/// <summary>
/// An OpenSSH public key: <c>[OPTIONS] TYPE BASE64 [COMMENT]</c>, one line of <c>authorized_keys</c>. The blob must be
/// base64 whose first field names the same type; the fingerprint is what <c>ssh-keygen -lf</c> prints:
/// <c>SHA256:</c> and the unpadded base64 of the blob's SHA-256.
/// </summary>
public sealed record SshPublicKey(string Type, string Blob, string? Comment, string? Options)
{
    /// <summary>The longest key line taken (a 16384-bit RSA key is about 2.8 KB).</summary>
    public const int MaxLength = 16 * 1024;

    public const string FingerprintPrefix = "SHA256:";

    /// <summary>The key types taken: Ed25519, RSA, ECDSA and the security-key (FIDO) ones.</summary>
    public static readonly IReadOnlyList<string> Types =
    [
        "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ];

    public string Fingerprint => FingerprintPrefix + Convert.ToBase64String(SHA256.HashData(Convert.FromBase64String(Blob))).TrimEnd('=');

    /// <summary>The line as written to <c>authorized_keys</c>.</summary>
    public string Line => string.Join(' ', new[] { Options, Type, Blob, Comment }.Where(p => !string.IsNullOrEmpty(p)));

    public SshKey Describe() => new() { Type = Type, Fingerprint = Fingerprint, Comment = Comment, Options = Options };

    /// <summary>
    /// Reads one key line; <paramref name="allowOptions"/> takes a leading options field (as in an existing
    /// <c>authorized_keys</c>). Null with <paramref name="error"/> saying what is wrong (never a shell or file syntax).
    /// </summary>
    public static SshPublicKey? Parse(string? line, bool allowOptions, out string? error)
    {
        error = null;
        var text = line?.Trim() ?? "";
        if (text.Length == 0)
        {
            error = "is required";
            return null;
        }

        if (text.Length > MaxLength || text.Any(c => char.IsControl(c) && c != '\t'))
        {
            error = text.Length > MaxLength ? $"is longer than {MaxLength} characters" : "holds a line break or control character; give one key";
            return null;
        }

        var fields = text.Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
        string? options = null;
        if (!Types.Contains(fields[0]) && allowOptions)
        {
            var at = OptionsEnd(text);
            options = text[..at];
            fields = text[at..].Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
        }

        if (fields.Length < 2 || !Types.Contains(fields[0]))
        {
            error = $"is not an OpenSSH public key 'TYPE BASE64 [COMMENT]' with TYPE one of {string.Join(", ", Types)}";
            return null;
        }

        error = BlobError(fields[0], fields[1]);
        return error is null ? new SshPublicKey(fields[0], fields[1], fields.Length > 2 ? fields[2].Trim() : null, options) : null;
    }

    /// <summary>
    /// A fingerprint as given in a route or on a command line, in the form <see cref="Fingerprint"/> has:
    /// <c>SHA256:</c> optional, base64 or base64url (<c>-</c> <c>_</c>, so that it fits a URL path), padding
    /// optional, percent-escapes decoded (a route keeps <c>%2F</c>). Null when it is not the base64 of 32 bytes.
    /// </summary>
    public static string? NormalizeFingerprint(string? value)
    {
        var text = value ?? "";
        text = text.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(text) : text; // a route keeps %2F escaped
        text = text.StartsWith(FingerprintPrefix, StringComparison.OrdinalIgnoreCase) ? text[FingerprintPrefix.Length..] : text;
        text = text.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        if (text.Length != 43 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/')))
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(text + "=").Length == 32 ? FingerprintPrefix + text : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? BlobError(string type, string blob)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(blob);
        }
        catch (FormatException)
        {
            return "the key's data is not valid base64";
        }

        if (bytes.Length < 4 || BinaryPrimitives.ReadUInt32BigEndian(bytes) is var length && length > bytes.Length - 4)
        {
            return "the key's data is not an OpenSSH key blob";
        }

        var named = Encoding.ASCII.GetString(bytes, 4, (int)BinaryPrimitives.ReadUInt32BigEndian(bytes));
        return named == type ? null
            : Types.Contains(named) ? $"the key's data is a {named} key, not {type}"
            : "the key's data is not an OpenSSH key blob";
    }

    // The options field ends at the first blank outside double quotes (command="a b" holds blanks).
    private static int OptionsEnd(string text)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"' && (i == 0 || text[i - 1] != '\\'))
            {
                quoted = !quoted;
            }
            else if (!quoted && text[i] is ' ' or '\t')
            {
                return i;
            }
        }

        return text.Length;
    }
}
