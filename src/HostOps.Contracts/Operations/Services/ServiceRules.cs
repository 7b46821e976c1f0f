using System.Text.RegularExpressions;

namespace HostOps.Contracts.Operations.Services;

/// <summary>
/// The input rules of the service and log operations: systemd unit names and the list filters. Each method returns
/// an error naming the field, or null when the value is fine.
/// </summary>
public static partial class ServiceRules
{
    /// <summary>The longest unit name systemd takes (UNIT_NAME_MAX less the terminator).</summary>
    public const int MaxUnitName = 255;

    public const string ServiceSuffix = ".service";

    /// <summary>systemd's ActiveState values, the ones <c>state</c> may filter on.</summary>
    public static readonly IReadOnlyList<string> ActiveStates = ["active", "reloading", "inactive", "failed", "activating", "deactivating", "maintenance", "refreshing"];

    private const string UnitForm = "1-255 of A-Z a-z 0-9 : _ . @ -, not starting with -";

    private static readonly string[] OtherUnitTypes =
        [".socket", ".target", ".device", ".mount", ".automount", ".swap", ".timer", ".path", ".slice", ".scope"];

    /// <summary>
    /// A service to act on: a unit name of systemd's characters, <c>.service</c> or no suffix (then
    /// <see cref="ServiceUnit"/> adds it), not a template (<c>getty@.service</c>).
    /// </summary>
    public static string? ServiceName(string field, string? value)
    {
        var error = UnitName(field, value);
        if (error is not null)
        {
            return error;
        }

        if (OtherUnitTypes.FirstOrDefault(t => value!.EndsWith(t, StringComparison.Ordinal)) is { } type)
        {
            return $"{field}: '{value}' is a {type[1..]} unit; only .service units are managed";
        }

        var unit = ServiceUnit(value!);
        if (unit.Length > MaxUnitName)
        {
            return $"{field}: '{value}' is longer than {MaxUnitName} characters with its {ServiceSuffix} suffix";
        }

        return unit.EndsWith("@" + ServiceSuffix, StringComparison.Ordinal) || unit == ServiceSuffix
            ? $"{field}: '{value}' is a template or has no name; give an instance such as getty@tty1.service"
            : null;
    }

    /// <summary>Any unit whose journal to read: systemd's characters, any suffix (journalctl adds <c>.service</c> when none).</summary>
    public static string? UnitName(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{field}: is required";
        }

        return UnitPattern().IsMatch(value) ? null : $"{field}: '{value}' is not a valid unit name ({UnitForm})";
    }

    /// <summary><paramref name="name"/> with <c>.service</c> added when it has no suffix: <c>nginx</c> → <c>nginx.service</c>.</summary>
    public static string ServiceUnit(string name) =>
        name.EndsWith(ServiceSuffix, StringComparison.Ordinal) ? name : name + ServiceSuffix;

    /// <summary>An optional <c>state</c> filter: one of systemd's ActiveState values.</summary>
    public static string? ActiveState(string field, string? value) =>
        value is null || ActiveStates.Contains(value)
            ? null
            : $"{field}: '{value}' is not an active state ({string.Join(", ", ActiveStates)})";

    /// <summary>An optional <c>pattern</c> filter: unit name characters and the wildcards <c>*</c> and <c>?</c>.</summary>
    public static string? Pattern(string field, string? value) =>
        value is null || PatternForm().IsMatch(value)
            ? null
            : $"{field}: '{value}' is not a unit name pattern (1-{MaxUnitName} of A-Z a-z 0-9 : _ . @ - * ?)";

    /// <summary>True when <paramref name="unit"/> matches <paramref name="pattern"/> (<c>*</c> any run, <c>?</c> one character), as systemctl's globs do.</summary>
    public static bool Matches(string pattern, string unit)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "\\z";
        return Regex.IsMatch(unit, regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            || (!pattern.Contains('.', StringComparison.Ordinal) && Matches(pattern + ServiceSuffix, unit));
    }

    [GeneratedRegex("^[A-Za-z0-9:_.@][A-Za-z0-9:_.@\\-]{0,254}\\z")]
    private static partial Regex UnitPattern();

    [GeneratedRegex("^[A-Za-z0-9:_.@*?][A-Za-z0-9:_.@\\-*?]{0,254}\\z")]
    private static partial Regex PatternForm();
}
