using System.Text;
using HostOps.Contracts.Operations;

namespace HostOps.Providers.System;

/// <summary>
/// Mounted disk filesystems from <c>/proc/mounts</c>, each measured with statvfs. Pseudo filesystems (proc, tmpfs,
/// cgroup…) are left out; a device mounted twice (bind mounts) is listed once, under its first mount point.
/// </summary>
public sealed class DiskProvider(HostRoot root, IMountStats stats)
{
    private const string MountsPath = "/proc/mounts";

    private static readonly HashSet<string> DiskFilesystems = new(StringComparer.Ordinal)
    {
        "ext2", "ext3", "ext4", "xfs", "btrfs", "zfs", "bcachefs", "f2fs", "jfs", "reiserfs", "nilfs2",
        "vfat", "exfat", "ntfs", "ntfs3", "fuseblk", "hfsplus",
    };

    public IReadOnlyList<DiskInfo> Read()
    {
        var disks = new List<DiskInfo>();
        var devices = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mount in ReadMounts())
        {
            if (devices.Contains(mount.Device) || !IsDisk(mount))
            {
                continue;
            }

            var disk = stats.Read(mount.MountPoint, root.Resolve(mount.MountPoint));
            if (disk is not null && devices.Add(mount.Device))
            {
                disks.Add(disk);
            }
        }

        return disks;
    }

    // A container's root is an overlay: not a disk in itself, but the only place its own usage shows.
    private static bool IsDisk(MountEntry mount) =>
        DiskFilesystems.Contains(mount.FileSystem) || (mount.FileSystem == "overlay" && mount.MountPoint == "/");

    private IEnumerable<MountEntry> ReadMounts()
    {
        foreach (var line in HostFile.ReadLines(root, MountsPath))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3)
            {
                throw HostFile.Unexpected(MountsPath, line);
            }

            yield return new MountEntry(Unescape(fields[0]), Unescape(fields[1]), fields[2]);
        }
    }

    /// <summary>The kernel writes space, tab, newline and backslash in paths as three-digit octal escapes (<c>\040</c>).</summary>
    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && IsOctal(field[i + 1]) && IsOctal(field[i + 2]) && IsOctal(field[i + 3]))
            {
                text.Append((char)(((field[i + 1] - '0') * 64) + ((field[i + 2] - '0') * 8) + (field[i + 3] - '0')));
                i += 3;
            }
            else
            {
                text.Append(field[i]);
            }
        }

        return text.ToString();
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';

    private sealed record MountEntry(string Device, string MountPoint, string FileSystem);
}
