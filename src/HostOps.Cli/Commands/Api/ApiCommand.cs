using System.CommandLine;

namespace HostOps.Cli.Commands.Api;

/// <summary><c>hostops api …</c>.</summary>
internal static class ApiCommand
{
    public static Command Create() =>
        new("api", "The REST API.")
        {
            new Command("server", "The API server process.")
            {
                ApiServerStartCommand.Create(),
            },
        };
}
