using System.CommandLine;
using HostOps.Cli.Configuration;
using HostOps.Cli.Hosting;
using HostOps.Contracts.Security;

namespace HostOps.Cli.Commands.Agent;

/// <summary>
/// <c>hostops-agent uninstall</c>: stops and disables the unit, asks the control plane to remove this agent
/// (<see cref="AgentLeave"/>), then removes what install wrote: the unit it wrote,
/// the agent's identity and enrollment, its CA bundle (unless a control plane shares the data directory) and the
/// configuration file.
/// </summary>
internal static class AgentUninstallCommand
{
    public static Command Create()
    {
        var command = new Command("uninstall", $"""
            Remove the agent from this host: stop and disable {AgentInstallation.Unit}, and delete its identity and the
            configuration install wrote (--config, default {AgentInstallation.DefaultConfigFile}).
            """).WithExamples("hostops-agent uninstall");
        command.SetRunner(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context)
    {
        var configFile = AgentInstallCommand.ConfigFileOf(context);
        if (!File.Exists(configFile))
        {
            await context.Output.WriteLineAsync($"Nothing to uninstall: {configFile} does not exist.");
            return CliApp.Ok;
        }

        var loaded = ConfigurationLoader.Load(configFile, context.Services.Directory, context.Services.Environment);
        if (AgentInstallation.SystemdRuns && AgentInstallation.UnitInstalled)
        {
            await AgentInstallation.DisableAsync(context.CancellationToken);
        }

        var saved = RemoteEnrollment.Read(loaded.DataDir);
        var hostname = saved?.Enrollment.Hostname;
        var left = await AgentLeave.TryAsync(saved, loaded.DataDir, loaded.Configuration["api:client:ca_file"] ?? "", context.CancellationToken);
        File.Delete(FleetIdentities.AgentSeedPath(loaded.DataDir));
        File.Delete(RemoteEnrollment.SavedPath(loaded.DataDir));
        if (FleetIdentities.LocalApi(loaded.DataDir) is null)
        {
            File.Delete(CaBundle.PathIn(loaded.DataDir));
        }

        if (AgentInstallation.Ours(configFile))
        {
            File.Delete(configFile);
        }

        await context.Output.WriteLineAsync("The agent's unit, identity and configuration are removed from this host.");
        await context.Output.WriteLineAsync(left ?? $"Remove {hostname ?? "it"} from the fleet on the control plane with: hostops client agent remove {hostname ?? "HOSTNAME"}");
        return CliApp.Ok;
    }
}
