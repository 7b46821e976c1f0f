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

    /// <summary>A whole-number option; a bad value is a usage error that says so in words, not in .NET type names.</summary>
    public static Option<int?> Number(string name, string alias, string description)
    {
        var option = alias.Length > 0 ? new Option<int?>(name, alias) : new Option<int?>(name);
        option.Description = description;
        option.HelpName = "N";
        option.CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            result.AddError($"{name}: '{text}' is not a whole number");
            return null;
        };
        return option;
    }
}
