using System.Text.RegularExpressions;

namespace HostOps.Contracts.Operations.Files;

/// <summary>
/// The input rules of the file operations and of the file store. A host path is absolute and already normalised
/// (no <c>.</c> or <c>..</c> part, no empty part, no trailing <c>/</c>, no NUL), so the path checked against the
/// agent's <c>job.worker.files.allow</c> is the path written. Each method returns an error naming the field, or null.
/// </summary>
public static partial class FileRules
{
    /// <summary>The longest host path taken (Linux's PATH_MAX less the terminator).</summary>
    public const int MaxPath = 4095;

    /// <summary>
    /// The largest file <c>fs.content.get</c> answers: its base64 (4/3 of it) must fit one NATS message (1 MiB by
    /// default) with the answer around it. Larger files travel the other way only, through the file store.
    /// </summary>
    public const int MaxReadBytes = 512 * 1024;

    /// <summary>The largest file the store takes (<c>POST /file</c>).</summary>
    public const long MaxStoredBytes = 64L * 1024 * 1024;

    public const int MaxStoredName = 255;

    /// <summary>The values of <c>encoding</c>: how <c>content</c> is written.</summary>
    public const string Utf8 = "utf-8";

    public const string Base64 = "base64";

    private const string StoredNameForm = "1-255 of A-Z a-z 0-9 . _ -, starting with a letter or digit";
    private const string AccountForm = "a user or group name (a-z A-Z 0-9 . _ -, up to 32, not starting with -) or a numeric id";

    /// <summary>An absolute, normalised host path.</summary>
    public static string? HostPath(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field}: is required";
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return $"{field}: must not contain NUL";
        }

        if (!value.StartsWith('/'))
        {
            return $"{field}: '{value}' is not an absolute path (it must start with /)";
        }

        if (value.Length > MaxPath)
        {
            return $"{field}: longer than {MaxPath} characters";
        }

        if (value == "/" || value.EndsWith('/'))
        {
            return $"{field}: '{value}' names a directory (no trailing /); give a file's path";
        }

        return value[1..].Split('/').Any(part => part is "" or "." or "..")
            ? $"{field}: '{value}' is not normalised (no . or .. parts, no //)"
            : null;
    }

    /// <summary>A file mode in octal: <c>644</c>, <c>0644</c> or <c>0755</c> (permission bits only, no setuid/setgid/sticky).</summary>
    public static string? Mode(string field, string? value) =>
        value is null || ModePattern().IsMatch(value) ? null : $"{field}: '{value}' is not an octal mode (like 0644 or 755)";

    /// <summary>The mode's bits: <c>0644</c> → 420.</summary>
    public static int ModeBits(string mode) => Convert.ToInt32(mode, 8);

    /// <summary>A mode as the answers show it: four octal digits, <c>0644</c>.</summary>
    public static string ModeText(int bits) => Convert.ToString(bits & 0xFFF, 8).PadLeft(4, '0');

    /// <summary>An owner or group: a name chown takes as one word, or a numeric id.</summary>
    public static string? Account(string field, string? value) =>
        value is null || AccountPattern().IsMatch(value) ? null : $"{field}: '{value}' is not {AccountForm}";

    /// <summary>The name of a file in the store (<c>POST /file</c>, <c>file</c> of a write): one plain word, never a path.</summary>
    public static string? StoredName(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field}: is required";
        }

        return value.Length <= MaxStoredName && StoredNamePattern().IsMatch(value) ? null : $"{field}: '{value}' is not a valid stored file name ({StoredNameForm})";
    }

    /// <summary>The content of a write: exactly one of <c>content</c> and <c>file</c>; <c>encoding</c> only with <c>content</c>.</summary>
    public static string? Content(FileWriteRequest request)
    {
        if ((request.Content is null) == (request.File is null))
        {
            return "content: give exactly one of content (inline) and file (a stored file's name)";
        }

        if (request.File is not null)
        {
            return request.Encoding is null ? StoredName("file", request.File) : "encoding: applies to content only, not to a stored file";
        }

        return request.Encoding switch
        {
            null or Utf8 => null,
            Base64 => Decode(request.Content!) is null ? "content: is not valid base64" : null,
            _ => $"encoding: '{request.Encoding}' is not {Utf8} or {Base64}",
        };
    }

    /// <summary>The bytes of an inline content as its encoding says; null when base64 does not decode.</summary>
    public static byte[]? Bytes(string content, string? encoding) =>
        encoding == Base64 ? Decode(content) : System.Text.Encoding.UTF8.GetBytes(content);

    private static byte[]? Decode(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex("^0?[0-7]{3}$")]
    private static partial Regex ModePattern();

    [GeneratedRegex("^([0-9]{1,10}|[A-Za-z0-9_.][A-Za-z0-9_.-]{0,31})$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex StoredNamePattern();
}
