namespace HostOps.Providers.Commands;

/// <summary>
/// Finds the file a command's <c>argv[0]</c> names: an absolute path as given (<c>.</c> and <c>..</c> resolved), a
/// bare name through the agent's PATH (its absolute directories only, in order). Only an existing regular file with
/// an execute bit counts. <see cref="RealPath"/> follows symbolic links, for the allow list.
/// </summary>
public static class ProgramPath
{
    /// <summary>The search path when the agent's environment has no PATH.</summary>
    public const string DefaultSearchPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private const int MaxLinks = 40;

    /// <summary>The program's absolute path; throws <see cref="HostProviderException"/> when it is not found or not executable.</summary>
    public static string Find(string program, string? searchPath)
    {
        if (program.StartsWith('/'))
        {
            var path = Path.GetFullPath(program);
            return IsExecutable(path) ? path
                : File.Exists(path) ? throw new HostProviderException($"{path} is not executable")
                : throw new HostProviderException($"{path} does not exist (or is not a file)");
        }

        var directories = (string.IsNullOrEmpty(searchPath) ? DefaultSearchPath : searchPath)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Where(d => d.StartsWith('/'))
            .ToList();
        foreach (var directory in directories)
        {
            var candidate = Path.GetFullPath(Path.Join(directory, program));
            if (IsExecutable(candidate))
            {
                return candidate;
            }
        }

        throw new HostProviderException($"{program}: not found on this agent's PATH ({string.Join(':', directories)})");
    }

    /// <summary><paramref name="path"/> (absolute) with every symbolic link along it followed, like realpath(3).</summary>
    public static string RealPath(string path)
    {
        var pending = new List<string>(path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var current = "/";
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
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }

            var next = Path.Join(current, part);
            if (LinkTarget(next) is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new HostProviderException($"{path}: too many levels of symbolic links");
                }

                pending.InsertRange(0, target.Split('/', StringSplitOptions.RemoveEmptyEntries));
                current = target.StartsWith('/') ? "/" : current;
                continue;
            }

            current = next;
        }

        return current;
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

    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
