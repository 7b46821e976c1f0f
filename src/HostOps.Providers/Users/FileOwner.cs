using System.Runtime.InteropServices;

namespace HostOps.Providers.Users;

/// <summary>Sets a file's owner and group by id (libc <c>lchown</c>: a link itself, never what it points to).</summary>
internal static partial class FileOwner
{
    public static void Set(string path, int uid, int gid)
    {
        if (LChown(path, uid, gid) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new HostProviderException($"cannot give {path} to {uid}:{gid}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
    }

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LChown(string path, int uid, int gid);
}
