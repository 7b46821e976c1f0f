using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace HostOps.Api.Audit;

/// <summary>The opaque <c>cursor</c> of <c>GET /audit</c>: the stream sequence of the last entry read, so a page costs the same at any depth.</summary>
internal static class AuditCursor
{
    private const string Prefix = "a1:";

    public static string Of(ulong sequence) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + sequence.ToString(CultureInfo.InvariantCulture)));

    public static bool TryRead(string text, out ulong sequence)
    {
        sequence = 0;
        try
        {
            var decoded = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text));
            return decoded.StartsWith(Prefix, StringComparison.Ordinal)
                && ulong.TryParse(decoded.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
