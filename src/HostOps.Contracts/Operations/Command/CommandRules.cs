using System.Globalization;
using System.Text.RegularExpressions;
using HostOps.Contracts.Text;

namespace HostOps.Contracts.Operations.Command;

/// <summary>
/// The input rules of <c>command.exec.do</c> (the same on the API, in <c>POST /job</c>, in the CLI and on the agent),
/// and the limits of a run. Every method returns an error naming the field, or null.
/// </summary>
public static partial class CommandRules
{
    public const int MaxArguments = 256;
    public const int MaxArgumentLength = 4096;
    public const int MaxEnvironment = 64;
    public const int MinTimeout = 1;
    public const int MaxTimeout = 300;
    public const int DefaultTimeout = 25;

    /// <summary>Each of stdout and stderr is cut at this many bytes of UTF-8 (on a character boundary).</summary>
    public const int MaxOutputBytes = 64 * 1024;

    public static string? Validate(CommandExecRequest request) =>
        Argv(request.Argv) ?? Cwd(request.Cwd) ?? Env(request.Env) ?? Timeout(request.Timeout);

    /// <summary>
    /// The endpoint waits up to <paramref name="jobTimeout"/> (<c>api.server.job_timeout</c>) for the answer: a
    /// command allowed to run as long or longer could only ever answer 504, so its <c>timeout</c> is refused.
    /// </summary>
    public static string? FitsWait(CommandExecRequest request, TimeSpan jobTimeout)
    {
        var seconds = request.Timeout ?? DefaultTimeout;
        var most = (int)Math.Ceiling(jobTimeout.TotalSeconds) - 1;
        if (seconds <= most)
        {
            return null;
        }

        var given = request.Timeout is null ? $"the default of {seconds}s" : $"{seconds}s";
        return $"timeout: {given} does not fit in api.server.job_timeout ({DurationText.Format(jobTimeout)}); " +
               (most >= MinTimeout ? $"{most.ToString(CultureInfo.InvariantCulture)} is the most that fits" : "api.server.job_timeout is too short for any command") +
               " (POST /job takes any timeout; poll GET /job/{id} for the answer)";
    }

    /// <summary>1–256 words; the first an absolute path or a bare program name; none over 4096 characters or holding NUL.</summary>
    public static string? Argv(IReadOnlyList<string>? argv)
    {
        if (argv is null || argv.Count == 0)
        {
            return "argv: is required (the program and its arguments)";
        }

        if (argv.Count > MaxArguments)
        {
            return $"argv: {argv.Count} elements given, the limit is {MaxArguments}";
        }

        for (var i = 0; i < argv.Count; i++)
        {
            if (Text($"argv[{i}]", argv[i]) is { } invalid)
            {
                return invalid;
            }
        }

        var program = argv[0];
        if (program.Length == 0)
        {
            return "argv[0]: is empty (the program: an absolute path or a bare name)";
        }

        return program.StartsWith('/') || (!program.Contains('/', StringComparison.Ordinal) && program is not ("." or ".."))
            ? null
            : $"argv[0]: '{program}' is neither an absolute path nor a bare program name";
    }

    /// <summary>An absolute path, or null for the agent's own working directory.</summary>
    public static string? Cwd(string? cwd)
    {
        if (cwd is null)
        {
            return null;
        }

        return Text("cwd", cwd) ?? (cwd.StartsWith('/') ? null : $"cwd: '{cwd}' is not an absolute path");
    }

    /// <summary>At most 64 variables; names <c>[A-Za-z_][A-Za-z0-9_]*</c>; no value holding NUL.</summary>
    public static string? Env(IReadOnlyDictionary<string, string>? env)
    {
        if (env is null)
        {
            return null;
        }

        if (env.Count > MaxEnvironment)
        {
            return $"env: {env.Count} variables given, the limit is {MaxEnvironment}";
        }

        foreach (var (name, value) in env)
        {
            if (!NamePattern().IsMatch(name))
            {
                return $"env: '{name}' is not a variable name (A-Z a-z 0-9 _, not starting with a digit)";
            }

            if (value is null)
            {
                return $"env.{name}: is required (a string)";
            }

            if (value.Contains('\0', StringComparison.Ordinal))
            {
                return $"env.{name}: contains a NUL character";
            }
        }

        return null;
    }

    /// <summary>Seconds, 1–300; null means the default of <see cref="DefaultTimeout"/>.</summary>
    public static string? Timeout(int? seconds) =>
        seconds is null or (>= MinTimeout and <= MaxTimeout) ? null : $"timeout: {seconds} is out of range ({MinTimeout}-{MaxTimeout} seconds)";

    private static string? Text(string field, string? value)
    {
        if (value is null)
        {
            return $"{field}: is required (a string)";
        }

        if (value.Length > MaxArgumentLength)
        {
            return $"{field}: is {value.Length} characters, the limit is {MaxArgumentLength}";
        }

        return value.Contains('\0', StringComparison.Ordinal) ? $"{field}: contains a NUL character" : null;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*\\z")]
    private static partial Regex NamePattern();
}
