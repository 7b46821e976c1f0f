using System.Text.Json;
using HostOps.Agent.Operations;
using HostOps.Jobs.Configuration;
using HostOps.Jobs.Files;
using HostOps.Providers;
using HostOps.Providers.Commands;
using HostOps.Providers.System;
using HostOps.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace HostOps.Agent.Tests.Operations;

/// <summary>The handlers as the agent registers them, reading a fixture machine through fakes for commands and statvfs.</summary>
internal sealed class HandlerHost : IDisposable
{
    public const string AgentName = "agent-1";

    private readonly ServiceProvider services;

    /// <param name="commands">What <c>command.exec.do</c> may run; default: nothing (as on an agent by default).</param>
    public HandlerHost(HostRoot root, bool hostChangesAllowed = true, CommandPolicy? commands = null)
    {
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(new AgentIdentity(AgentName, new Dictionary<string, string>()))
            .AddSingleton(root)
            .AddSingleton<ICommandRunner>(Commands)
            .AddSingleton<IMountStats>(MountStats)
            .AddSingleton(new HostChangeGuard(() => hostChangesAllowed))
            .AddSingleton(commands ?? CommandPolicy.Disabled)
            .AddSingleton(UnusedFileStore)
            .AddOperationHandlers()
            .BuildServiceProvider();
    }

    // The deploy and write-from-store handlers need the store to be built; they run against a real one in
    // tests/HostOps.Api.Tests/Files. This one's connection is never opened: no handler test here reaches it.
    private static FileStore UnusedFileStore { get; } =
        new(new NatsConnection(new NatsOpts { Url = "nats://127.0.0.1:1" }), Options.Create(new JobOptions()));

    public FakeCommandRunner Commands { get; } = new();

    public FakeMountStats MountStats { get; } = new() { Total = 1000, Used = 400 };

    public IOperationHandler Handler(string operationType) =>
        services.GetServices<IOperationHandler>().Single(h => h.OperationType == operationType);

    public async Task<string> RunAsync(string operationType, string? data = null)
    {
        JsonElement? input = data is null ? null : JsonDocument.Parse(data).RootElement.Clone();
        var result = await Handler(operationType).HandleAsync(input, Xunit.TestContext.Current.CancellationToken);
        return result.GetRawText();
    }

    public void Dispose() => services.Dispose();
}
