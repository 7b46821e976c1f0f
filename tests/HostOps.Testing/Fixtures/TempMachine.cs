using HostOps.Providers;

namespace HostOps.Testing.Fixtures;

/// <summary>A throw-away machine root in the temp directory, for tests that write (resolv.conf) or need a chosen layout.</summary>
public sealed class TempMachine : IDisposable
{
    public TempMachine()
    {
        Directory = Path.Combine(Path.GetTempPath(), "hostops-machine-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public HostRoot Root => new(Directory);

    public string PathOf(string absolutePath) => Root.Resolve(absolutePath);

    public TempMachine Write(string absolutePath, string content)
    {
        var path = PathOf(absolutePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public TempMachine CreateDirectory(string absolutePath)
    {
        System.IO.Directory.CreateDirectory(PathOf(absolutePath));
        return this;
    }

    /// <summary>Makes the machine look like one where systemd-resolved runs.</summary>
    public TempMachine WithResolved() => CreateDirectory("/run/systemd/resolve");

    /// <summary>Gives the machine network interfaces in sysfs, so other names are refused.</summary>
    public TempMachine WithInterfaces(params string[] names)
    {
        foreach (var name in names)
        {
            CreateDirectory("/sys/class/net/" + name);
        }

        return this;
    }

    public string Read(string absolutePath) => File.ReadAllText(PathOf(absolutePath));

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the test over it is not.
        }
    }
}
