namespace HostOps.Providers;

/// <summary>Reads and writes host files, turning every way that can fail into one clear <see cref="HostProviderException"/>.</summary>
internal static class HostFile
{
    public static string ReadAllText(HostRoot root, string path)
    {
        try
        {
            return File.ReadAllText(root.Resolve(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new HostProviderException($"{path} does not exist on this host", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new HostProviderException($"{path} cannot be read: permission denied", e);
        }
        catch (IOException e)
        {
            throw new HostProviderException($"{path} cannot be read: {e.Message}", e);
        }
    }

    public static string[] ReadLines(HostRoot root, string path) =>
        ReadAllText(root, path).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Replaces <paramref name="path"/> whole: the content goes to a hidden temporary file beside it (a dot name, which
    /// cron and sysctl ignore), gets <paramref name="mode"/>, then is renamed over the file, so a reader sees the old
    /// file or the new one, never half of it. Missing directories are created.
    /// </summary>
    public static void WriteAtomically(HostRoot root, string path, string content, UnixFileMode mode)
    {
        var target = root.Resolve(path);
        var temporary = Path.Join(Path.GetDirectoryName(target), $".{Path.GetFileName(target)}.hostops-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            DurableFile.WriteAllText(temporary, content);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, mode);
            }

            DurableFile.Replace(temporary, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new HostProviderException($"{path} cannot be written: {e.Message}", e);
        }
    }

    /// <summary>Deletes <paramref name="path"/>; true when it existed.</summary>
    public static bool Delete(HostRoot root, string path)
    {
        var target = root.Resolve(path);
        try
        {
            if (!File.Exists(target))
            {
                return false;
            }

            File.Delete(target);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostProviderException($"{path} cannot be removed: {e.Message}", e);
        }
    }

    /// <summary>The file's text, or null when it does not exist.</summary>
    public static string? ReadIfExists(HostRoot root, string path) =>
        File.Exists(root.Resolve(path)) ? ReadAllText(root, path) : null;

    /// <summary>Mode 0644: the owner writes, everyone reads (what cron and the trust store expect of their files).</summary>
    public const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static HostProviderException Unexpected(string path, string content) =>
        new($"{path} has unexpected content: '{Shorten(content.Trim())}'");

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
