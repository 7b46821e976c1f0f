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
    public static string RealPath(string path) => Providers.RealPath.Of(HostRoot.Default, path);

    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
