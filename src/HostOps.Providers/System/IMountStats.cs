using HostOps.Contracts.Operations;

namespace HostOps.Providers.System;

/// <summary>Sizes of one mounted filesystem (statvfs); a seam so parsers can be tested on another machine's mount table.</summary>
public interface IMountStats
{
    /// <summary>The sizes of the filesystem mounted at <paramref name="path"/>, or null when it cannot be measured.</summary>
    DiskInfo? Read(string name, string path);
}
