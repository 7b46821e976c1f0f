namespace HostOps.Providers.Files;

/// <summary>Turns the ways file I/O fails into one clear <see cref="HostProviderException"/> naming the path.</summary>
internal static class FileIo
{
    public static async Task<T> RunAsync<T>(string path, string doing, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new HostProviderException($"{doing} {path}: permission denied", e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new HostProviderException($"{doing} {path}: its directory does not exist", e);
        }
        catch (IOException e)
        {
            throw new HostProviderException($"{doing} {path}: {e.Message}", e);
        }
    }
}
