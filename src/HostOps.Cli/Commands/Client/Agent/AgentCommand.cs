using System.CommandLine;
using HostOps.Cli.Rendering;
using HostOps.Client.Http;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Json;
using Spectre.Console;

namespace HostOps.Cli.Commands.Client.Agent;

/// <summary><c>hostops client agent list|show|pending|accept|reject|drain|undrain|remove</c>: enrolled agents and the admin's decisions.</summary>
internal static class AgentCommand
{
    public static Command Create() =>
        new Command("agent", "Enrolled agents: list them, accept or reject pending ones, revoke one.")
        {
            ListCommand("list", "Every enrolled agent, live or not (GET /agent)", ApiRequest.Agents(), "hostops client agent list"),
            ShowCommand(),
            ListCommand("pending", "Agents waiting for an admin (GET /agent/pending)", ApiRequest.PendingAgents(), "hostops client agent pending"),
            DecisionCommand("accept", "Accept a pending agent: it gets its NATS identity (POST /agent/{hostname}/accept, admin)"),
            DecisionCommand("reject", "Reject an agent: it gets no NATS identity (POST /agent/{hostname}/reject, admin)"),
            DecisionCommand("drain", "Drain an agent: it finishes what it holds and takes nothing new (POST /agent/{hostname}/drain, admin)"),
            DecisionCommand("undrain", "Let a drained agent take jobs again (POST /agent/{hostname}/undrain, admin)"),
            RemoveCommand(),
        }.WithExamples("hostops client agent list", "hostops client agent accept web-7", "hostops client agent remove web-7");

    private static Argument<string> Hostname() => new("hostname") { Description = "The agent's hostname, as enrolled" };

    private static Command ListCommand(string name, string description, ApiRequest request, string example)
    {
        var command = new Command(name, description).WithExamples(example);
        command.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            await session.ShowAsync(request, HostOpsJsonContext.Default.AgentList, (console, list) =>
            {
                var table = CliConsole.Table("Host", "State", "Live", "Labels", "Enrolled", "Last seen", "Version");
                foreach (var agent in list.Agents)
                {
                    table.Row(
                        agent.Hostname, agent.Draining ? $"{agent.State}, draining" : agent.State, agent.Live ? "yes" : "no", Labels(agent), Units.Time(agent.EnrolledAt),
                        agent.LastSeen is { } seen ? Units.Time(seen) : "", agent.Version ?? "");
                }

                console.Write(table);
                console.WriteLine($"{list.Total} agent(s)");
            });
            return CliApp.Ok;
        });
        return command;
    }

    private static Command ShowCommand()
    {
        var hostname = Hostname();
        var command = new Command("show", "One enrolled agent (GET /agent/{hostname})") { hostname }.WithExamples("hostops client agent show web-7");
        command.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            await session.ShowAsync(ApiRequest.GetAgent(context.Parse.GetValue(hostname)!), HostOpsJsonContext.Default.AgentInfo, Describe);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command DecisionCommand(string decision, string description)
    {
        var hostname = Hostname();
        var command = new Command(decision, description) { hostname }.WithExamples($"hostops client agent {decision} web-7");
        command.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            await session.ShowAsync(ApiRequest.DecideAgent(context.Parse.GetValue(hostname)!, decision), HostOpsJsonContext.Default.AgentInfo, Describe);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command RemoveCommand()
    {
        var hostname = Hostname();
        var command = new Command("remove", "Revoke an agent: its identity goes and its connections are closed (DELETE /agent/{hostname}, admin)") { hostname }
            .WithExamples("hostops client agent remove web-7");
        command.SetRunner(async context =>
        {
            var name = context.Parse.GetValue(hostname)!;
            var session = ClientSession.Open(context);
            var response = await session.Api.SendAsync(ApiRequest.RemoveAgent(name), context.CancellationToken);
            if (session.Json)
            {
                await session.WriteRawAsync(response);
            }
            else
            {
                await context.Output.WriteLineAsync($"Removed agent {name}");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static void Describe(IAnsiConsole console, AgentInfo agent)
    {
        var table = CliConsole.Table("Field", "Value");
        table.Row("Host", agent.Hostname);
        table.Row("State", agent.Draining ? $"{agent.State}, draining" : agent.State);
        table.Row("Live", agent.Live ? "yes" : "no");
        table.Row("Labels", Labels(agent));
        table.Row("Enrolled", Units.Time(agent.EnrolledAt));
        table.Row("Last seen", agent.LastSeen is { } seen ? Units.Time(seen) : "");
        table.Row("Version", agent.Version ?? "");
        table.Row("Running jobs", agent.RunningJobs?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        console.Write(table);
    }

    private static string Labels(AgentInfo agent) =>
        string.Join(", ", agent.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
