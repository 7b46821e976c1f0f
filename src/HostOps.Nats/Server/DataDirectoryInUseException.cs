using System.Globalization;

namespace HostOps.Nats.Server;

/// <summary>Another hostops instance holds the data directory's lock; the message names its pid.</summary>
public sealed class DataDirectoryInUseException : Exception
{
    public DataDirectoryInUseException(string dataDir, int? ownerPid)
        : base($"data directory {dataDir} is in use by hostops (pid {OwnerText(ownerPid)}); stop that one first or use another data_dir")
    {
        DataDir = dataDir;
        OwnerPid = ownerPid;
    }

    public DataDirectoryInUseException(string message)
        : base(message)
    {
        DataDir = "";
    }

    public DataDirectoryInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
        DataDir = "";
    }

    public DataDirectoryInUseException()
    {
        DataDir = "";
    }

    public string DataDir { get; }

    /// <summary>The pid written in the lock file; null if it could not be read.</summary>
    public int? OwnerPid { get; }

    private static string OwnerText(int? pid) => pid?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
}
