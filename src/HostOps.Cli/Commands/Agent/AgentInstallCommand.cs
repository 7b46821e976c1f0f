using System.CommandLine;
using HostOps.Cli.Configuration;
using HostOps.Cli.Hosting;
using HostOps.Contracts.Agents;

namespace HostOps.Cli.Commands.Agent;

/// <summary>
/// <c>hostops-agent install --join TOKEN [--label K=V]…</c>: writes the configuration file, enrolls this host with
/// the control plane (its nkey is made here and never leaves it), then enables and starts the systemd unit, or says
/// how to run the agent where systemd does not run. A failed enrollment leaves no configuration behind.
/// </summary>
internal static class AgentInstallCommand
{
    private static readonly Option<string> Join = new("--join")
    {
        Description = "Join token from `hostops token generate --join` on the control plane",
        HelpName = "TOKEN",
        Required = true,
    };

    private static readonly Option<string[]> Label = new("--label", "-l")
    {
        Description = "A label this host serves (jobs can target the group), KEY=VALUE; repeatable",
        HelpName = "KEY=VALUE",
    };

    private static readonly Option<string> DataDir = new("--data-dir")
    {
        Description = $"Where the agent keeps its identity and CA (mode 0700; default {AgentInstallation.DefaultDataDir})",
        HelpName = "DIR",
        DefaultValueFactory = _ => AgentInstallation.DefaultDataDir,
    };

    private static readonly Option<bool> NoService = new("--no-service")
    {
        Description = "Do not enable a systemd unit (run `hostops-agent start` under another supervisor)",
    };

    public static Command Create()
    {
        var command = new Command("install", $"""
            Install the agent on this host: write its configuration (--config, default {AgentInstallation.DefaultConfigFile}),
            enroll with the control plane using a join token, and enable and start the {AgentInstallation.Unit} unit.
            """) { Join, Label, DataDir, NoService }.WithExamples(
            "hostops-agent install --join hj1.eyJhcGkiOlsiaHR0cHM6Ly8xMC4wLjAuNTo4MDgwIl0s…",
            "hostops-agent install --join hj1.eyJhcGkiOlsi… --label group=web.prod");
        command.SetRunner(RunAsync);
        return command;
    }

    /// <summary>The file install writes and uninstall removes: <c>--config</c>, else the packaged agent's default.</summary>
    public static string ConfigFileOf(CommandContext context) =>
        Path.GetFullPath(context.Parse.GetValue(GlobalOptions.Config) ?? AgentInstallation.DefaultConfigFile, context.Services.Directory);

    private static async Task<int> RunAsync(CommandContext context)
    {
        var token = context.Parse.GetValue(Join)!;
        if (JoinToken.TryDecode(token) is null)
        {
            throw new UsageException("--join: not a join token (make one with hostops token generate --join)");
        }

        var labels = LabelPairs.Parse(context.Parse.GetValue(Label) ?? []);
        var configFile = ConfigFileOf(context);
        var dataDir = Path.GetFullPath(context.Parse.GetValue(DataDir)!, context.Services.Directory);
        if (!AgentInstallation.Ours(configFile))
        {
            throw new UsageException($"--config: {configFile} exists and was not written by hostops-agent install; remove it or choose another file");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(configFile)!);
        Directory.CreateDirectory(dataDir);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var existed = File.Exists(configFile);
        await File.WriteAllTextAsync(configFile, AgentInstallation.ConfigText(dataDir, labels), context.CancellationToken);
        try
        {
            var loaded = ConfigurationLoader.Load(configFile, context.Services.Directory, context.Services.Environment);
            loaded.Configuration["job:worker:join_token"] = token;
            var settings = HostOpsSettings.BindAndValidate(loaded, StartingComponents.Agent);
            await AgentHost.ConnectionAsync(settings, loaded, context.Error, context.CancellationToken);
        }
        catch
        {
            if (!existed)
            {
                File.Delete(configFile);
            }

            throw;
        }

        // This executable's own start command: hostops-agent start, or hostops agent start for the full CLI.
        var program = context.Parse.RootCommandResult.Command is HostOpsRootCommand { Program: var name } ? name : "hostops";
        var start = $"{Environment.ProcessPath ?? program}{(program == "hostops" ? " agent" : "")} start";
        var enrolled = RemoteEnrollment.Read(dataDir);
        await context.Output.WriteLineAsync(
            $"Enrolled {enrolled?.Enrollment.Hostname ?? "this host"} with the control plane at {enrolled?.Api ?? "?"}; configuration in {configFile}, identity in {dataDir}.");
        if (!context.Parse.GetValue(NoService) && AgentInstallation.SystemdRuns)
        {
            foreach (var line in await AgentInstallation.EnableAsync(start, configFile, context.CancellationToken))
            {
                await context.Output.WriteLineAsync(line);
            }

            return CliApp.Ok;
        }

        var why = context.Parse.GetValue(NoService) ? "No service was enabled (--no-service)" : "systemd does not run on this host";
        await context.Output.WriteLineAsync($"{why}; run the agent under your supervisor with: {start} --config {configFile}");
        return CliApp.Ok;
    }
}
