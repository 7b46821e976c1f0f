using System.Text;

namespace HostOps.Providers.Commands;

/// <summary>
/// One output stream of a program: the first <c>limit</c> bytes are kept, the rest is read and dropped, so a
/// program writing more never blocks on a full pipe. The text is UTF-8 (invalid bytes become U+FFFD), cut on a
/// character boundary so that it is at most <c>limit</c> bytes of UTF-8.
/// </summary>
internal sealed class CappedOutput(int limit)
{
    private const int ChunkSize = 16 * 1024;

    private readonly Lock gate = new();
    private readonly byte[] kept = new byte[limit];
    private int count;
    private bool overflowed;

    /// <summary>Reads <paramref name="stream"/> to its end; a stream closed under it keeps what came.</summary>
    public async Task DrainAsync(Stream stream)
    {
        var chunk = new byte[ChunkSize];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk)) > 0)
            {
                Append(chunk.AsSpan(0, read));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The program was abandoned (a process it left behind held the pipe open): keep what came.
        }
    }

    /// <summary>What was kept so far, and whether anything was dropped.</summary>
    public (string Text, bool Truncated) Text()
    {
        byte[] bytes;
        bool truncated;
        lock (gate)
        {
            var end = overflowed ? CharacterBoundary(kept, count) : count;
            bytes = kept[..end];
            truncated = overflowed;
        }

        var text = Encoding.UTF8.GetString(bytes);
        while (Encoding.UTF8.GetByteCount(text) > limit)
        {
            // Replacement characters (3 bytes each) for invalid bytes can outgrow the limit: drop whole characters.
            text = text[..(char.IsLowSurrogate(text[^1]) && text.Length > 1 ? text.Length - 2 : text.Length - 1)];
            truncated = true;
        }

        return (text, truncated);
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        lock (gate)
        {
            var room = limit - count;
            if (data.Length > room)
            {
                overflowed = true;
            }

            data[..Math.Min(room, data.Length)].CopyTo(kept.AsSpan(count));
            count += Math.Min(room, data.Length);
        }
    }

    // The end of the last whole UTF-8 sequence in bytes[..count]: a sequence the cut split is left out whole.
    private static int CharacterBoundary(byte[] bytes, int count)
    {
        var start = count;
        while (start > 0 && count - start < 3 && (bytes[start - 1] & 0xC0) == 0x80)
        {
            start--;
        }

        if (start == 0)
        {
            return count;
        }

        var lead = bytes[start - 1];
        var length = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 1;
        return start - 1 + length > count ? start - 1 : count;
    }
}
