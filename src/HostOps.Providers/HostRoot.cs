namespace HostOps.Providers;

/// <summary>
/// Where the host's filesystem starts. Providers read <c>/proc/uptime</c> as <c>Resolve("/proc/uptime")</c>, so a
/// test points them at a directory laid out like a real machine instead of the machine it runs on.
/// </summary>
public sealed record HostRoot(string RootPath)
{
    public static HostRoot Default { get; } = new("/");

    public string Resolve(string absolutePath) =>
        RootPath == "/" ? absolutePath : Path.Join(RootPath, absolutePath);
}
