using HostOps.Contracts.Operations;
using HostOps.Providers.System;

namespace HostOps.Testing.Fakes;

/// <summary>
/// statvfs for a fixture machine's mount table: every mount point measures <see cref="Total"/> bytes with
/// <see cref="Used"/> used, unless listed in <see cref="Unreadable"/> (as a file bind mount or a hung NFS share would be).
/// </summary>
public sealed class FakeMountStats : IMountStats
{
    public ulong Total { get; init; } = 100UL * 1024 * 1024 * 1024;

    public ulong Used { get; init; } = 40UL * 1024 * 1024 * 1024;

    public IReadOnlySet<string> Unreadable { get; init; } = new HashSet<string>();

    public List<string> Paths { get; } = [];

    public DiskInfo? Read(string name, string path)
    {
        Paths.Add(path);
        return Unreadable.Contains(name) ? null : new DiskInfo(name, Total, Used, Total - Used);
    }
}
