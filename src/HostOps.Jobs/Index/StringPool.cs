namespace HostOps.Jobs.Index;

/// <summary>
/// One shared instance per distinct operation type, target, hostname and broadcast host list, so a million jobs
/// hold references to a few strings instead of a million copies. Entries are never dropped: they are bounded by the
/// fleet (hostnames, labels) and the operation types, not by the number of jobs. Not thread-safe; the index calls
/// it under its lock.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _lists = new(StringComparer.Ordinal);

    public string Intern(string value)
    {
        if (_strings.TryGetValue(value, out var shared))
        {
            return shared;
        }

        _strings[value] = value;
        return value;
    }

    public IReadOnlyList<string>? Intern(IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return null;
        }

        // Hostnames cannot hold a newline, so the joined text identifies the list.
        var key = string.Join('\n', values);
        if (_lists.TryGetValue(key, out var shared))
        {
            return shared;
        }

        var list = values.Select(Intern).ToArray();
        _lists[key] = list;
        return list;
    }
}
