namespace HostOps.Cli.Configuration;

/// <summary>Configuration paths as people read them: <c>api:server:port</c> is shown as <c>api.server.port</c>.</summary>
internal static class ConfigKeys
{
    public const string DataDir = "data_dir";
    public const string DefaultDataDir = ".hostops";
    public const string FileName = "hostops.yaml";

    /// <summary>The control plane's configuration as the hostops package installs it; read when no other file is chosen.</summary>
    public const string InstalledFile = "/etc/hostops/hostops.yaml";
    public const string EnvironmentPrefix = "HOSTOPS_";

    public static string Display(string path) => path.Replace(':', '.').ToLowerInvariant();
}
