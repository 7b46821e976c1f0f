namespace HostOps.Providers.Network;

/// <summary>Where this host's resolver configuration lives: systemd-resolved, or a plain resolv.conf.</summary>
internal static class ResolverLocation
{
    public const string ResolvConfPath = "/etc/resolv.conf";
    public const string Resolvectl = "resolvectl";

    /// <summary>Ends resolvectl's options (getopt): what follows is an interface or a value, even if it starts with '-'.</summary>
    public const string EndOfOptions = "--";

    // systemd-resolved creates its runtime directory when it starts, and only then.
    private const string ResolvedRuntimePath = "/run/systemd/resolve";
    private const string InterfacesPath = "/sys/class/net";

    public static bool UsesResolved(HostRoot root) => Directory.Exists(root.Resolve(ResolvedRuntimePath));

    /// <summary>
    /// resolv.conf is host-wide, yet the caller named an interface: refuse a name the kernel does not know, as
    /// resolvectl would. Skipped when sysfs is not there to ask.
    /// </summary>
    public static void EnsureInterfaceExists(HostRoot root, string interfaceName)
    {
        var interfaces = root.Resolve(InterfacesPath);
        if (Directory.Exists(interfaces) && !Directory.Exists(Path.Join(interfaces, interfaceName)))
        {
            throw new HostProviderException($"no such interface: {interfaceName}");
        }
    }
}
