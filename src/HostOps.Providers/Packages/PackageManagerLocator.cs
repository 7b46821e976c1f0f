using HostOps.Providers.System;

namespace HostOps.Providers.Packages;

/// <summary>
/// Picks the host's package tools: by os-release's <c>ID</c> and <c>ID_LIKE</c> (debian, ubuntu → dpkg and apt;
/// rhel, fedora, centos → rpm and dnf), else by which of <c>/usr/bin/dpkg-query</c> and <c>/usr/bin/rpm</c> exists.
/// </summary>
[HostProvider]
public sealed class PackageManagerLocator(HostRoot root, DebianPackages debian, RpmPackages rpm)
{
    private static readonly string[] OsReleasePaths = ["/etc/os-release", "/usr/lib/os-release"];
    private static readonly HashSet<string> DebianIds = ["debian", "ubuntu"];
    private static readonly HashSet<string> RpmIds = ["rhel", "fedora", "centos"];

    public IPackageManager Find()
    {
        var ids = Distribution();
        if (ids.Overlaps(DebianIds))
        {
            return debian;
        }

        if (ids.Overlaps(RpmIds))
        {
            return rpm;
        }

        if (File.Exists(root.Resolve("/usr/bin/dpkg-query")))
        {
            return debian;
        }

        return File.Exists(root.Resolve("/usr/bin/rpm")) && File.Exists(root.Resolve("/usr/bin/dnf"))
            ? rpm
            : throw new HostProviderException("this host has no package tools HostOps knows (dpkg and apt, or rpm and dnf)");
    }

    private HashSet<string> Distribution()
    {
        var path = OsReleasePaths.FirstOrDefault(p => File.Exists(root.Resolve(p)));
        if (path is null)
        {
            return [];
        }

        var fields = OsProvider.Parse(HostFile.ReadAllText(root, path));
        return [.. $"{fields.GetValueOrDefault("ID")} {fields.GetValueOrDefault("ID_LIKE")}".Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }
}
