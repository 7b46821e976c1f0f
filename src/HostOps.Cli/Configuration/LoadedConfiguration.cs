using Microsoft.Extensions.Configuration;

namespace HostOps.Cli.Configuration;

/// <summary>The layered configuration and where its files are.</summary>
/// <param name="Configuration">Every layer merged: data-dir file, chosen file, environment.</param>
/// <param name="DataDir">Absolute data directory.</param>
/// <param name="FilePath">The file given by <c>--config</c> or found in the working directory, if any.</param>
public sealed record LoadedConfiguration(IConfigurationRoot Configuration, string DataDir, string? FilePath)
{
    /// <summary><c>&lt;data_dir&gt;/hostops.yaml</c>: where <c>start</c> keeps the generated signing key and admin token.</summary>
    public string GeneratedFilePath => Path.Combine(DataDir, ConfigKeys.FileName);
}
