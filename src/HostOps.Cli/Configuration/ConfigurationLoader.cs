using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace HostOps.Cli.Configuration;

/// <summary>
/// Layers the configuration, lowest first: <c>&lt;data_dir&gt;/hostops.yaml</c> (generated secrets), then the file
/// given by <c>--config</c> or <c>./hostops.yaml</c> (else the file a package installed, <c>/etc/hostops/hostops.yaml</c>,
/// or <c>/etc/hostops/agent.yaml</c> for <c>hostops-agent</c>), then <c>HOSTOPS_</c> environment variables (<c>__</c> between
/// levels). The data-dir file stays underneath a chosen file, so the key and token <c>start</c> generates keep
/// working when a user adds their own <c>hostops.yaml</c>.
/// </summary>
public static class ConfigurationLoader
{
    /// <param name="configPath">The <c>--config</c> value, or null.</param>
    /// <param name="workingDirectory">Where <c>./hostops.yaml</c> and a relative data_dir are looked up.</param>
    /// <param name="environment">Stands in for the process environment in tests.</param>
    /// <param name="installedFile">Read when there is neither <c>--config</c> nor <c>./hostops.yaml</c> and it exists.</param>
    public static LoadedConfiguration Load(string? configPath, string workingDirectory, IConfigurationSource? environment = null, string? installedFile = null)
    {
        environment ??= new EnvironmentVariablesConfigurationSource { Prefix = ConfigKeys.EnvironmentPrefix };
        var chosen = ChooseFile(configPath, workingDirectory, installedFile);

        // First pass: only the chosen file and the environment can say where the data directory is.
        var first = Build(null, chosen, environment);
        var dataDir = Path.GetFullPath(first[ConfigKeys.DataDir] is { Length: > 0 } dir ? dir : ConfigKeys.DefaultDataDir, workingDirectory);
        var generated = Path.Combine(dataDir, ConfigKeys.FileName);
        var underneath = File.Exists(generated) && !SamePath(generated, chosen) ? generated : null;

        var configuration = underneath is null ? first : Build(underneath, chosen, environment);
        return new LoadedConfiguration(configuration, dataDir, chosen);
    }

    private static string? ChooseFile(string? configPath, string workingDirectory, string? installedFile)
    {
        if (!string.IsNullOrEmpty(configPath))
        {
            var path = Path.GetFullPath(configPath, workingDirectory);
            return File.Exists(path) ? path : throw new ConfigException($"config file {configPath} does not exist");
        }

        var local = Path.Combine(workingDirectory, ConfigKeys.FileName);
        return File.Exists(local) ? local : installedFile is not null && File.Exists(installedFile) ? installedFile : null;
    }

    // Quiet by default: a terminal running `hostops start` shows our lines, not every framework event.
    private static readonly Dictionary<string, string?> LogLevelDefaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:NATS"] = "Warning",
    };

    private static IConfigurationRoot Build(string? generatedFile, string? chosenFile, IConfigurationSource environment)
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(LogLevelDefaults);
        foreach (var file in new[] { generatedFile, chosenFile })
        {
            if (file is not null)
            {
                builder.AddYamlFile(file, optional: false, reloadOnChange: false);
            }
        }

        builder.Add(environment);
        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or YamlDotNet.Core.YamlException)
        {
            throw new ConfigException($"config file: {OneLine(e)}", e);
        }
    }

    private static bool SamePath(string a, string? b) => b is not null && string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    private static string OneLine(Exception e) => (e.InnerException?.Message ?? e.Message).ReplaceLineEndings(" ");
}
