using System.ComponentModel;
using System.Globalization;

namespace HostOps.Contracts.Text;

/// <summary>
/// A configuration size written the way people write them (<c>512MiB</c>, <c>1GiB</c>, or bytes); the type converter
/// lets the configuration binder read it and name the key when it cannot.
/// </summary>
[TypeConverter(typeof(ByteSizeConverter))]
public readonly record struct ByteSize(long Bytes)
{
    public const string Forms = "use forms like 4096, 64KiB, 512MiB, 1GiB or 1GB";

    public static ByteSize Parse(string text) =>
        ByteSizeText.TryParse(text, out var bytes)
            ? new ByteSize(bytes)
            : throw new FormatException($"'{text}' is not a size ({Forms})");

    public static ByteSize FromMebibytes(long mebibytes) => new(mebibytes << 20);

    public static ByteSize FromGibibytes(long gibibytes) => new(gibibytes << 30);

    public override string ToString() => ByteSizeText.Format(Bytes);
}

/// <summary>Converts configuration text to <see cref="ByteSize"/>.</summary>
public sealed class ByteSizeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? ByteSize.Parse(text) : base.ConvertFrom(context, culture, value);
}
