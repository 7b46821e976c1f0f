using System.CommandLine;
using HostOps.Cli.Configuration;
using HostOps.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Cli.Commands.Agent;

/// <summary><c>hostops agent start</c>: a Generic Host with the job system and the agent, connecting to nats.url.</summary>
internal static class AgentStartCommand
{
    private static readonly Option<string?> Join = new("--join")
    {
        Description = "Join the control plane with a token from `hostops token generate --join` (needed once per host)",
        HelpName = "TOKEN",
    };

    /// <param name="configureAgent">Adds to the agent's services after the built-in ones (see <c>ServerCli.RunAsync</c>).</param>
    public static Command Create(Action<IServiceCollection>? configureAgent = null)
    {
        var command = new Command("start", """
            Run the agent on this host until Ctrl-C; it takes jobs from the NATS server at nats.url. On another host than
            the control plane it joins first: --join TOKEN, or it waits, pending, until an admin accepts it.
            """) { Join }.WithExamples(
            "hostops agent start",
            "hostops agent start --join hj1.eyJhcGkiOlsiaHR0cDovLzEwLjAuMC41OjgwODAiXSwi…",
            "HOSTOPS_NATS__URL=nats://10.0.0.5:4222 HOSTOPS_JOB__WORKER__LABELS__group=web.dev hostops agent start");
        command.SetRunner(context => RunAsync(context, configureAgent));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, Action<IServiceCollection>? configureAgent)
    {
        var loaded = context.LoadConfiguration();
        if (context.Parse.GetValue(Join) is { Length: > 0 } token)
        {
            loaded.Configuration["job:worker:join_token"] = token;
        }

        var settings = HostOpsSettings.BindAndValidate(loaded, StartingComponents.Agent);
        ConfigValidator.Telemetry(loaded.Configuration, checkPort: true);
        if (FleetIdentities.LocalApi(settings.DataDir) is { } api)
        {
            // On the control plane's host: whoever starts first creates the streams and buckets.
            await NatsProvisioning.EnsureIfReachableAsync(settings.WithNatsIdentity(api.Path), context.Error, context.CancellationToken);
        }

        var connection = await AgentHost.ConnectionAsync(settings, loaded, context.Error, context.CancellationToken);
        using var host = AgentHost.Create(loaded, connection, services =>
        {
            AgentCaRefresher.AddTo(services, settings.DataDir);
            configureAgent?.Invoke(services);
        });
        await host.StartAsync(context.CancellationToken);
        var natsUrl = connection.TryGetValue("nats:url", out var joined) && joined is { Length: > 0 } ? joined : settings.Nats.Url;
        await context.Output.WriteLineAsync($"Agent is running against {natsUrl}; Ctrl-C stops it.");
        SystemdNotify.Ready($"running against {natsUrl}");
        return await AgentHost.RunUntilStoppedAsync(host, context.Error, context.CancellationToken) ? CliApp.Failed : CliApp.Ok;
    }
}
