namespace HostOps.Nats.Server;

/// <summary>Finds the nats-server executable: a path as given, else PATH, else /usr/sbin (Debian installs it there).</summary>
public static class NatsServerBinary
{
    public static string Find(string binary)
    {
        if (binary.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(binary)
                ? Path.GetFullPath(binary)
                : throw new ManagedNatsServerException($"nats.server.binary: {binary} does not exist");
        }

        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/usr/local/bin").Append("/usr/bin");
        foreach (var dir in dirs)
        {
            var candidate = Path.Combine(dir, binary);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ManagedNatsServerException(
            $"nats.server.binary: {binary} is not installed (./hostops installs it; or apt-get install nats-server)");
    }
}
