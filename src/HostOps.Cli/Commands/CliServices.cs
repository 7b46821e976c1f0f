using HostOps.Cli.Configuration;
using Microsoft.Extensions.Configuration;

namespace HostOps.Cli.Commands;

/// <summary>What commands take from their surroundings; tests replace the HTTP handler, environment and clock.</summary>
/// <param name="HttpHandler">Creates the handler under the API client; null means a real socket handler.</param>
/// <param name="Environment">Stands in for the <c>HOSTOPS_</c> environment variables.</param>
/// <param name="WorkingDirectory">Where <c>./hostops.yaml</c> is looked up; null means the current directory.</param>
/// <param name="InstalledConfig">The configuration file a package installs, read when no other is chosen.</param>
public sealed record CliServices(
    Func<HttpMessageHandler>? HttpHandler = null,
    IConfigurationSource? Environment = null,
    TimeProvider? Time = null,
    string? WorkingDirectory = null,
    string? InstalledConfig = null)
{
    /// <summary>The shipped <c>hostops</c>: it reads <see cref="ConfigKeys.InstalledFile"/> when no other file is chosen.</summary>
    public static CliServices Default { get; } = new(InstalledConfig: ConfigKeys.InstalledFile);

    public TimeProvider Clock => Time ?? TimeProvider.System;

    public string Directory => WorkingDirectory ?? System.IO.Directory.GetCurrentDirectory();
}
