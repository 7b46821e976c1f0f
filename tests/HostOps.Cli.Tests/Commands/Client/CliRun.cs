using HostOps.Cli.Commands;
using Microsoft.Extensions.Configuration.Memory;
using Xunit;

namespace HostOps.Cli.Tests.Commands.Client;

/// <summary>Runs the CLI in-process against a <see cref="StubApi"/>, in a scratch directory, and keeps what it printed.</summary>
public sealed class CliRun : IDisposable
{
    private readonly TempDirectory _dir = new();

    public CliRun(StubApi api, params (string Key, string Value)[] environment)
    {
        Api = api;
        Services = new CliServices(
            () => api,
            new MemoryConfigurationSource { InitialData = environment.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)) },
            WorkingDirectory: _dir.Path);
    }

    public StubApi Api { get; }

    public CliServices Services { get; }

    public string Directory => _dir.Path;

    public StringWriter Output { get; private set; } = new();

    public StringWriter Error { get; private set; } = new();

    public string WriteFile(string name, string content) => _dir.Write(name, content);

    public async Task<int> RunAsync(params string[] args)
    {
        Output = new StringWriter();
        Error = new StringWriter();
        return await CliApp.RunAsync(ServerCli.CreateRoot(Services), args, Output, Error, TestContext.Current.CancellationToken);
    }

    public void Dispose() => _dir.Dispose();
}
