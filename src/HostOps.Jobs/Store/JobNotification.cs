using System.Globalization;

namespace HostOps.Jobs.Store;

/// <summary>
/// The body of a job notification on <c>JOBS</c>: <c>&lt;id&gt;/&lt;attempt&gt;</c>. It is published with message id
/// <c>&lt;id&gt;.&lt;attempt&gt;</c>, so JetStream drops a duplicate publish of the same attempt inside its window.
/// </summary>
public readonly record struct JobNotification(Guid Id, int Attempt)
{
    public string MessageId => $"{Id:D}.{Attempt.ToString(CultureInfo.InvariantCulture)}";

    public override string ToString() => $"{Id:D}/{Attempt.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? text, out JobNotification notification)
    {
        notification = default;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash < 0 || !Guid.TryParse(text.AsSpan(0, slash), out var id) ||
            !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var attempt) || attempt < 1)
        {
            return false;
        }

        notification = new JobNotification(id, attempt);
        return true;
    }
}
