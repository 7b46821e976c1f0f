using System.Globalization;

namespace HostOps.Nats.Server;

/// <summary>
/// The pid file of the managed server in the data directory. After a crash of its owner the server keeps running
/// and holds the port; the next start finds it here and replaces it. A pid is only trusted when
/// <c>/proc/&lt;pid&gt;/cmdline</c> shows a nats-server using our store directory, so a recycled pid is never killed.
/// </summary>
internal sealed class NatsPidFile(string path)
{
    public string Path { get; } = path;

    public void Write(int pid)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        File.WriteAllText(Path, pid.ToString(CultureInfo.InvariantCulture) + "\n");
    }

    public void Delete()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The pid of a live nats-server of ours named by the file, if any.</summary>
    public int? FindLiveServer(string configPath)
    {
        if (!File.Exists(Path) || !int.TryParse(File.ReadAllText(Path).Trim(), CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        return IsOurServer(pid, configPath) ? pid : null;
    }

    /// <summary>Whether <paramref name="pid"/> is a nats-server started from <paramref name="configPath"/> (ours).</summary>
    public static bool IsOurServer(int pid, string configPath)
    {
        string[] args;
        try
        {
            args = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }

        return args.Length > 0
            && System.IO.Path.GetFileName(args[0]).Contains("nats-server", StringComparison.Ordinal)
            && args.Contains(configPath, StringComparer.Ordinal);
    }
}
