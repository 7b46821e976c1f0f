using System.Globalization;

namespace HostOps.Jobs.Store;

/// <summary>
/// The parts of an event key <c>events.&lt;id&gt;.&lt;attempt&gt;.&lt;kind&gt;.&lt;host token&gt;</c> (see <see cref="JobKeys"/>).
/// Unlike the event it holds, the key is vouched for by nats-server: an agent may only write keys that end in its own
/// host token (or a shared claim, see <see cref="JobKeys.ClaimHost"/>).
/// </summary>
public readonly record struct JobEventKey(Guid Id, int Attempt, string Kind, string Host)
{
    /// <summary>Reads an event key; false for any other key.</summary>
    public static bool TryParse(string key, out JobEventKey parsed)
    {
        parsed = default;
        var rest = key.AsSpan();
        if (!rest.StartsWith(JobKeys.EventPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest[JobKeys.EventPrefix.Length..];
        Span<Range> parts = stackalloc Range[5];
        if (rest.Split(parts, '.') != 4)
        {
            return false;
        }

        if (!Guid.TryParse(rest[parts[0]], out var id)
            || !int.TryParse(rest[parts[1]], NumberStyles.None, CultureInfo.InvariantCulture, out var attempt)
            || rest[parts[2]].IsEmpty || rest[parts[3]].IsEmpty)
        {
            return false;
        }

        parsed = new JobEventKey(id, attempt, rest[parts[2]].ToString(), rest[parts[3]].ToString());
        return true;
    }
}
