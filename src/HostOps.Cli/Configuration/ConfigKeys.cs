namespace HostOps.Cli.Configuration;

/// <summary>Configuration paths as people read them: <c>api:server:port</c> is shown as <c>api.server.port</c>.</summary>
internal static class ConfigKeys
{
    public const string DataDir = "data_dir";
    public const string DefaultDataDir = ".hostops";
    public const string FileName = "hostops.yaml";
    public const string EnvironmentPrefix = "HOSTOPS_";

    public static string Display(string path) => path.Replace(':', '.').ToLowerInvariant();
}
