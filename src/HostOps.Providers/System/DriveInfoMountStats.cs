using HostOps.Contracts.Operations;

namespace HostOps.Providers.System;

/// <summary>
/// statvfs through <see cref="DriveInfo"/>, which calls it on Unix: no P/Invoke struct layouts to get wrong across
/// glibc and musl. Used follows df(1): total minus all free blocks; free is what an unprivileged user can still write.
/// </summary>
public sealed class DriveInfoMountStats : IMountStats
{
    public DiskInfo? Read(string name, string path)
    {
        // Files bind-mounted into containers (/etc/hosts, /etc/resolv.conf) repeat a disk already listed elsewhere.
        if (!Directory.Exists(path))
        {
            return null;
        }

        try
        {
            var drive = new DriveInfo(path);
            var total = (ulong)drive.TotalSize;
            var used = total - Math.Min(total, (ulong)drive.TotalFreeSpace);
            return new DiskInfo(name, total, used, (ulong)drive.AvailableFreeSpace);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
