namespace HostOps.Providers;

/// <summary>
/// An absolute path with every symbolic link along it followed, like realpath(3), as the host under
/// <see cref="HostRoot"/> sees it: an absolute link target starts again at that root. Parts that do not exist yet
/// are kept as given, so the path a new file will have can be checked before it is written.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    public static string Of(HostRoot root, string path)
    {
        var pending = new List<string>(path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var resolved = new List<string>();
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending[0];
            pending.RemoveAt(0);
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            var candidate = "/" + string.Join('/', resolved.Append(part));
            if (LinkTarget(root.Resolve(candidate)) is not { } target)
            {
                resolved.Add(part);
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new HostProviderException($"{path}: too many levels of symbolic links");
            }

            if (target.StartsWith('/'))
            {
                resolved.Clear();
            }

            pending.InsertRange(0, target.Split('/', StringSplitOptions.RemoveEmptyEntries));
        }

        return "/" + string.Join('/', resolved);
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostProviderException($"{path} cannot be read: {e.Message}", e);
        }
    }
}
