using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace HostOps.Nats.Server;

/// <summary>
/// <c>&lt;data_dir&gt;/hostops.lock</c>, held with an exclusive <c>flock(2)</c> for as long as one hostops instance
/// runs on the data directory, with the owner's pid written inside. The kernel drops the lock when its owner dies,
/// however it dies, so a free lock means any server named by the pid file is a stale one. The file is opened
/// close-on-exec: no child process inherits the lock. Raw libc calls, because .NET's own advisory locking would
/// keep a second instance from even reading the owner's pid.
/// </summary>
public sealed partial class DataDirectoryLock : IDisposable
{
    public const string FileName = "hostops.lock";

    private const int ORdOnly = 0;
    private const int ORdWr = 2;
    private const int OCreat = 0x40;
    private const int OCloExec = 0x80000;
    private const int LockEx = 2;
    private const int LockNb = 4;
    private const int EWouldBlock = 11;

    private readonly SafeFileHandle _handle;

    private DataDirectoryLock(SafeFileHandle handle, string path)
    {
        _handle = handle;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Takes the lock, or throws <see cref="DataDirectoryInUseException"/> naming the instance that holds it.</summary>
    public static DataDirectoryLock Acquire(string dataDir)
    {
        dataDir = System.IO.Path.GetFullPath(dataDir);
        Directory.CreateDirectory(dataDir);
        var path = System.IO.Path.Combine(dataDir, FileName);
        var handle = Open(path, ORdWr | OCreat | OCloExec);
        if (Flock(handle, LockEx | LockNb) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            handle.Dispose();
            if (error == EWouldBlock)
            {
                throw new DataDirectoryInUseException(dataDir, ReadOwner(path));
            }

            throw new IOException($"{path}: cannot lock it (errno {error})");
        }

        var pid = Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        RandomAccess.SetLength(handle, 0);
        RandomAccess.Write(handle, pid, 0);
        return new DataDirectoryLock(handle, path);
    }

    /// <summary>Releases the lock; the file stays (removing it could let two instances lock two different files).</summary>
    public void Dispose()
    {
        if (!_handle.IsClosed)
        {
            RandomAccess.SetLength(_handle, 0);
            _handle.Dispose();
        }
    }

    // The owner writes its pid right after locking; give it a moment before giving up on reading it.
    private static int? ReadOwner(string path)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                using var handle = Open(path, ORdOnly | OCloExec);
                var buffer = new byte[32];
                var read = RandomAccess.Read(handle, buffer, 0);
                if (int.TryParse(Encoding.ASCII.GetString(buffer, 0, read).Trim(), CultureInfo.InvariantCulture, out var pid))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
            }

            Thread.Sleep(10);
        }

        return null;
    }

    private static SafeFileHandle Open(string path, int flags)
    {
        var fd = OpenFile(path, flags, Convert.ToInt32("600", 8));
        return fd >= 0
            ? new SafeFileHandle(fd, ownsHandle: true)
            : throw new IOException($"{path}: cannot open it (errno {Marshal.GetLastPInvokeError()})");
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenFile(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(SafeFileHandle fd, int operation);
}
