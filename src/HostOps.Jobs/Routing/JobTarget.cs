using System.Text.RegularExpressions;

namespace HostOps.Jobs.Routing;

/// <summary>
/// A parsed <c>target_hostname</c>: <c>_any</c>, <c>_all</c>, a hostname, or <c>key:value</c> where the value is a
/// dot-separated prefix of an agent's label (<c>group:web</c> reaches <c>group: web.dev.east</c>).
/// </summary>
public sealed partial record JobTarget(TargetKind Kind, string Text, string? LabelKey = null, string? LabelValue = null)
{
    public const string AnyText = "_any";
    public const string AllText = "_all";

    public static JobTarget Any { get; } = new(TargetKind.Any, AnyText);

    /// <summary>True when several agents may answer (the job is a broadcast).</summary>
    public bool IsBroadcast => Kind is TargetKind.All or TargetKind.Label;

    /// <summary>Parses a target; null or empty means <c>_any</c>. Returns null with an error when malformed.</summary>
    public static JobTarget? TryParse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text) || text == AnyText)
        {
            return Any;
        }

        if (text == AllText)
        {
            return new JobTarget(TargetKind.All, AllText);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var key = text[..colon];
            var value = text[(colon + 1)..];
            if (!IsLabelKey(key) || !IsLabelValue(value))
            {
                error = $"'{text}' is not a label target: use key:value where the key and each dot-separated value segment match [A-Za-z0-9_-]+";
                return null;
            }

            return new JobTarget(TargetKind.Label, text, key, value);
        }

        if (text.Length > 253 || !Hostname().IsMatch(text))
        {
            error = $"'{text}' is not a valid target: use _any, _all, a hostname, or a key:value label";
            return null;
        }

        return new JobTarget(TargetKind.Host, text);
    }

    /// <summary>A label key: one subject token of <c>[A-Za-z0-9_-]</c> (no <c>.</c>, wildcard, space or newline).</summary>
    public static bool IsLabelKey(string? key) => key is not null && LabelToken().IsMatch(key);

    /// <summary>A label value: dot-separated tokens of <c>[A-Za-z0-9_-]</c>, a hierarchy such as <c>web.dev.east</c>.</summary>
    public static bool IsLabelValue(string? value) => value is not null && LabelValuePattern().IsMatch(value);

    /// <summary>Whether an agent with this hostname and these labels is reached by the target.</summary>
    public bool Matches(string hostname, IReadOnlyDictionary<string, string> labels) => Kind switch
    {
        TargetKind.Any or TargetKind.All => true,
        TargetKind.Host => string.Equals(HostToken.From(hostname), HostToken.From(Text), StringComparison.OrdinalIgnoreCase),
        _ => labels.TryGetValue(LabelKey!, out var value) &&
             (value == LabelValue || value.StartsWith(LabelValue + ".", StringComparison.Ordinal)),
    };

    [GeneratedRegex("^[A-Za-z0-9_-]+\\z")]
    private static partial Regex LabelToken();

    [GeneratedRegex(@"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\z")]
    private static partial Regex LabelValuePattern();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\z")]
    private static partial Regex Hostname();
}
