using System.Runtime.InteropServices;
using System.Text;

namespace HostOps.Providers;

/// <summary>
/// The two steps of replacing a host file so that a crash leaves the old file or the new one, never an empty or half
/// one: the temporary file's content is flushed to disk before the rename (<see cref="WriteAllText"/>), and the
/// directory is flushed after it (<see cref="Replace"/>, libc <c>open</c> + <c>fsync</c>), so the rename itself survives.
/// Flushing a directory is best effort: a file system that cannot sync one keeps the rename as durable as it makes it.
/// </summary>
internal static partial class DurableFile
{
    private const int ReadOnly = 0; // O_RDONLY opens a directory on Linux; O_DIRECTORY's value differs by architecture

    /// <summary>Writes <paramref name="content"/> (UTF-8, no BOM) to <paramref name="path"/> and flushes it to disk.</summary>
    public static void WriteAllText(string path, string content)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        file.Write(Encoding.UTF8.GetBytes(content));
        file.Flush(flushToDisk: true);
    }

    /// <summary>Renames <paramref name="temporary"/> over <paramref name="target"/> and flushes their directory.</summary>
    public static void Replace(string temporary, string target)
    {
        File.Move(temporary, target, overwrite: true);
        FlushDirectory(Path.GetDirectoryName(target)!);
    }

    private static void FlushDirectory(string directory)
    {
        var fd = Open(directory, ReadOnly);
        if (fd < 0)
        {
            return;
        }

        try
        {
            _ = FSync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
