namespace HostOps.Providers.Commands;

/// <summary>
/// A path pattern of <c>job.worker.command.allow</c>: <c>*</c> matches any characters but <c>/</c>, <c>?</c> one
/// character but <c>/</c>; everything else matches itself. <c>/usr/bin/*</c> takes the programs of /usr/bin, not
/// those of its subdirectories.
/// </summary>
public static class PathGlob
{
    public static bool Matches(string pattern, string path) => Matches(pattern.AsSpan(), path.AsSpan());

    private static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> path)
    {
        while (pattern.Length > 0)
        {
            switch (pattern[0])
            {
                case '*':
                    var rest = pattern[1..];
                    for (var taken = 0; ; taken++)
                    {
                        if (Matches(rest, path[taken..]))
                        {
                            return true;
                        }

                        if (taken == path.Length || path[taken] == '/')
                        {
                            return false;
                        }
                    }

                case '?':
                    if (path.Length == 0 || path[0] == '/')
                    {
                        return false;
                    }

                    break;

                default:
                    if (path.Length == 0 || path[0] != pattern[0])
                    {
                        return false;
                    }

                    break;
            }

            pattern = pattern[1..];
            path = path[1..];
        }

        return path.Length == 0;
    }
}
