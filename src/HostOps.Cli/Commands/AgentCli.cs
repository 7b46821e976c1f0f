using HostOps.Cli.Commands.Agent;
using HostOps.Cli.Hosting;

namespace HostOps.Cli.Commands;

/// <summary>
/// The tree of <c>hostops-agent</c>, the packaged agent for fleet hosts: the same <c>start</c>, <c>install</c> and
/// <c>uninstall</c> as <c>hostops agent …</c>, reading <c>/etc/hostops/agent.yaml</c> when no other file is chosen.
/// </summary>
internal static class AgentCli
{
    public static CliServices Services { get; } = new(InstalledConfig: AgentInstallation.DefaultConfigFile);

    public static HostOpsRootCommand CreateRoot(CliServices services) =>
        new(services, "hostops-agent", "hostops-agent: the HostOps agent, which runs jobs on this host for the control plane.")
        {
            AgentStartCommand.Create(),
            AgentInstallCommand.Create(),
            AgentUninstallCommand.Create(),
        };
}
