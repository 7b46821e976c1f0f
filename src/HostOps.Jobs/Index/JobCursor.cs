using System.Buffers.Binary;
using System.Buffers.Text;

namespace HostOps.Jobs.Index;

/// <summary>
/// The opaque <c>cursor</c> of <c>GET /job</c>: the position (creation time, id) of the last job of a page, so the
/// next page starts right after it whatever was added or removed meanwhile. Base64url of a version byte, the
/// creation time in UTC ticks and the id.
/// </summary>
internal static class JobCursor
{
    private const byte Version = 1;
    private const int Length = 1 + sizeof(long) + 16;

    public static string Encode(JobOrder order)
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], order.CreatedTicks);
        order.Id.TryWriteBytes(bytes[9..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string? text, out JobOrder order)
    {
        order = default;
        Span<byte> bytes = stackalloc byte[Length + 3];
        int written;
        try
        {
            if (string.IsNullOrEmpty(text) || text.Length > 64 || !Base64Url.TryDecodeFromChars(text, bytes, out written))
            {
                return false;
            }
        }
        catch (FormatException)
        {
            return false;
        }

        if (written != Length || bytes[0] != Version)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        order = new JobOrder(ticks, new Guid(bytes.Slice(9, 16), bigEndian: true));
        return true;
    }
}
