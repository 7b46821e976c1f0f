namespace HostOps.Providers;

/// <summary>Reads a host file and turns every way that can fail into one clear <see cref="HostProviderException"/>.</summary>
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

    public static HostProviderException Unexpected(string path, string content) =>
        new($"{path} has unexpected content: '{Shorten(content.Trim())}'");

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
