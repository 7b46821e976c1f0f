using System.Text.Json.Serialization.Metadata;
using HostOps.Cli.Configuration;
using HostOps.Cli.Rendering;
using HostOps.Client;
using HostOps.Client.Configuration;
using HostOps.Client.Http;
using Spectre.Console;

namespace HostOps.Cli.Commands.Client;

/// <summary>
/// One client command's connection and output: the API client built from <c>--url/--token</c> or configuration,
/// and the choice between the raw body (<c>--json</c>) and a rendered view.
/// </summary>
internal sealed class ClientSession
{
    private ClientSession(CommandContext context, HostOpsApiClient api, bool json)
    {
        Context = context;
        Api = api;
        Json = json;
        Console = CliConsole.Create(context.Output);
    }

    public CommandContext Context { get; }

    public HostOpsApiClient Api { get; }

    public bool Json { get; }

    public IAnsiConsole Console { get; }

    public CancellationToken CancellationToken => Context.CancellationToken;

    /// <summary>The <c>--target</c> value, when the command has that option.</summary>
    public string? Target => Context.Parse.GetValue(ClientOptions.Target);

    public static ClientSession Open(CommandContext context)
    {
        var parse = context.Parse;
        var loaded = context.LoadConfiguration();
        var options = new ApiClientOptions();
        var url = parse.GetValue(ClientOptions.Url);
        var configured = loaded.Configuration["api:client:url"];
        options.Url = url ?? (string.IsNullOrEmpty(configured) ? options.Url : configured);
        options.Token = parse.GetValue(ClientOptions.Token) ?? loaded.Configuration["api:client:token"] ?? "";
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            var problem = $"'{options.Url}' is not an http(s) URL (like http://127.0.0.1:8080)";
            throw url is null ? new ConfigException("api:client:url", problem) : new UsageException($"--url: {problem}");
        }

        options.CaFile = CaFile(loaded, uri);
        var api = HostOpsApiClient.Create(options, context.Services.HttpHandler?.Invoke());
        return new ClientSession(context, api, parse.GetValue(ClientOptions.Json));
    }

    // api.client.ca_file, else over HTTPS the CA of this data directory (HostOps' own, or an agent's fetched bundle).
    private static string CaFile(LoadedConfiguration loaded, Uri url)
    {
        if (loaded.Configuration["api:client:ca_file"] is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new ConfigException("api:client:ca_file", $"{configured} does not exist");
        }

        var own = Contracts.Security.CaBundle.PathIn(loaded.DataDir);
        return url.Scheme == "https" && File.Exists(own) ? own : "";
    }

    /// <summary>Sends the request and prints the body unchanged with <c>--json</c>, else the rendered answer.</summary>
    public async Task<T?> ShowAsync<T>(ApiRequest request, JsonTypeInfo<T> type, Action<IAnsiConsole, T> render)
        where T : class
    {
        var response = await Api.SendAsync(request, CancellationToken);
        if (Json)
        {
            await WriteRawAsync(response);
            return null;
        }

        var value = HostOpsApiClient.Read(response, type);
        render(Console, value);
        return value;
    }

    public async Task WriteRawAsync(ApiResponse response)
    {
        await Context.Output.WriteAsync(response.Body);
        if (!response.Body.EndsWith('\n'))
        {
            await Context.Output.WriteLineAsync();
        }
    }
}
