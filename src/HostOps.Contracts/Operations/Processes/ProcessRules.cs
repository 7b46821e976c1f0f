using System.Text.RegularExpressions;

namespace HostOps.Contracts.Operations.Processes;

/// <summary>
/// The rules of the process operations' input, the same on the API, in <c>POST /job</c>, in the CLI and on the agent.
/// Every method returns an error naming the field, or null.
/// </summary>
public static partial class ProcessRules
{
    public const string DefaultSort = "cpu";
    public const int DefaultLimit = 50;
    public const int MinLimit = 1;
    public const int MaxLimit = 1000;
    public const int MaxNameLength = 64;

    /// <summary>The largest pid Linux hands out (<c>PID_MAX_LIMIT</c> on 64-bit: 2^22).</summary>
    public const int MaxPid = 4_194_304;

    /// <summary>
    /// The orders of <c>process.list.get</c>: <c>cpu</c> and <c>rss</c> biggest first, <c>pid</c> ascending,
    /// <c>start</c> newest first.
    /// </summary>
    public static IReadOnlyList<string> Sorts { get; } = ["cpu", "rss", "pid", "start"];

    /// <summary>The signals <c>process.signal.do</c> sends, by name, with their Linux numbers (x86, ARM, RISC-V).</summary>
    public static IReadOnlyDictionary<string, int> Signals { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["TERM"] = 15,
        ["KILL"] = 9,
        ["HUP"] = 1,
        ["INT"] = 2,
        ["QUIT"] = 3,
        ["USR1"] = 10,
        ["USR2"] = 12,
        ["STOP"] = 19,
        ["CONT"] = 18,
    };

    /// <summary>The name of <paramref name="value"/> as <see cref="Signals"/> has it (<c>sigterm</c> → <c>TERM</c>), or null.</summary>
    public static string? SignalName(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var name = value.ToUpperInvariant();
        if (name.StartsWith("SIG", StringComparison.Ordinal))
        {
            name = name[3..];
        }

        return Signals.ContainsKey(name) ? name : null;
    }

    public static string? Signal(string field, string? value) =>
        string.IsNullOrEmpty(value) ? $"{field}: is required"
        : SignalName(value) is null ? $"{field}: '{value}' is not one of {string.Join(", ", Signals.Keys)} (SIG prefix optional, any case)"
        : null;

    /// <summary>A process id to read: 1 to <see cref="MaxPid"/>.</summary>
    public static string? Pid(string field, int value) =>
        value is >= 1 and <= MaxPid ? null : $"{field}: {value} is not a process id (1-{MaxPid})";

    /// <summary>
    /// A process id to signal: not 1 (init; taking it down takes the host down) and nothing kill(2) would read as a
    /// group (0, negative). The agent's own pid is refused on the agent, which alone knows it.
    /// </summary>
    public static string? SignalTarget(string field, int value) =>
        value == 1 ? $"{field}: 1 is init; signalling it is refused" : Pid(field, value);

    public static string? Sort(string field, string? value) =>
        value is null || Sorts.Contains(value) ? null : $"{field}: '{value}' is not one of {string.Join(", ", Sorts)}";

    public static string? Limit(string field, int? value) =>
        value is null or (>= MinLimit and <= MaxLimit) ? null : $"{field}: {value} is out of range ({MinLimit}-{MaxLimit})";

    /// <summary>A user name (as useradd allows: letters, digits, <c>_ . -</c>, 32 at most, a trailing <c>$</c>) or a uid.</summary>
    public static string? User(string field, string? value) =>
        value is null || UserPattern().IsMatch(value)
            ? null
            : $"{field}: '{value}' is not a user name or uid (1-32 of A-Z a-z 0-9 _ . -, not starting with . or -)";

    /// <summary>Text to find in process names: 1–64 printable characters.</summary>
    public static string? Name(string field, string? value) =>
        value is null ? null
        : value.Length is 0 or > MaxNameLength || value.Any(char.IsControl) ? $"{field}: must be 1-{MaxNameLength} printable characters"
        : null;

    public static string? Validate(ProcessListRequest request) =>
        Sort("sort", request.Sort) ?? Limit("limit", request.Limit) ?? User("user", request.User) ?? Name("name", request.Name);

    public static string? Validate(ProcessDetailRequest request) => Pid("pid", request.Pid);

    public static string? Validate(ProcessSignalRequest request) =>
        SignalTarget("pid", request.Pid) ?? Signal("signal", request.Signal);

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}\\$?\\z")]
    private static partial Regex UserPattern();
}
