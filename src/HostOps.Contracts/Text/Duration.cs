using System.ComponentModel;
using System.Globalization;

namespace HostOps.Contracts.Text;

/// <summary>
/// A configuration duration written the way people write them (<c>30s</c>, <c>24h</c>, <c>1h30m</c>);
/// the type converter lets the configuration binder read it and name the key when it cannot.
/// </summary>
[TypeConverter(typeof(DurationConverter))]
public readonly record struct Duration(TimeSpan Value)
{
    public static Duration Parse(string text) =>
        DurationText.TryParse(text, out var span)
            ? new Duration(span)
            : throw new FormatException($"'{text}' is not a duration (use forms like 500ms, 30s, 5m, 24h, 1h30m)");

    public static implicit operator TimeSpan(Duration duration) => duration.Value;

    public static Duration FromSeconds(double seconds) => new(TimeSpan.FromSeconds(seconds));

    public TimeSpan ToTimeSpan() => Value;

    public override string ToString() => DurationText.Format(Value);
}

/// <summary>Converts configuration text to <see cref="Duration"/>.</summary>
public sealed class DurationConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? Duration.Parse(text) : base.ConvertFrom(context, culture, value);
}
