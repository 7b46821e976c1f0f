using System.CommandLine;

namespace HostOps.Cli.Commands.Client;

/// <summary>Options of every <c>hostops client</c> command.</summary>
internal static class ClientOptions
{
    public static Option<string?> Url { get; } = new("--url")
    {
        Description = "API URL (default: api.client.url, HOSTOPS_API__CLIENT__URL, http://127.0.0.1:8080)",
        HelpName = "URL",
        Recursive = true,
    };

    public static Option<string?> Token { get; } = new("--token")
    {
        Description = "Bearer token (default: api.client.token, HOSTOPS_API__CLIENT__TOKEN)",
        HelpName = "TOKEN",
        Recursive = true,
    };

    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the API's JSON answer unchanged instead of tables",
        Recursive = true,
    };

    public static Option<string?> Target { get; } = new("--target", "-t")
    {
        Description = "Which hosts: _any (default), _all, a hostname, or a label key:value",
        HelpName = "TARGET",
    };
}
