using System.CommandLine;

namespace HostOps.Cli.Commands;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    public static Option<string?> Config { get; } = new("--config", "-c")
    {
        Description = "Configuration file (default: ./hostops.yaml, else <data_dir>/hostops.yaml)",
        HelpName = "PATH",
        Recursive = true,
    };
}
