using HostOps.Cli.Rendering;
using HostOps.Contracts.Operations;
using Spectre.Console;

namespace HostOps.Cli.Commands.Client;

/// <summary>Tables for the node operations' answers: one row per host that answered.</summary>
internal static class NodeResultsView
{
    public static void Hostnames(IAnsiConsole console, NodeResults<HostnameResult> results)
    {
        var table = CliConsole.Table("Host");
        foreach (var result in results.Results)
        {
            table.Row(result.Hostname);
        }

        console.Write(table);
    }

    public static void SystemStatus(IAnsiConsole console, NodeResults<SystemStatusResult> results)
    {
        var table = CliConsole.Table("Host", "Uptime", "Load 1m/5m/15m", "Memory used/total", "OS");
        foreach (var r in results.Results)
        {
            table.Row(
                r.Hostname,
                r.Uptime,
                FormattableString.Invariant($"{r.LoadAverage.OneMinute:0.00} {r.LoadAverage.FiveMinutes:0.00} {r.LoadAverage.FifteenMinutes:0.00}"),
                $"{Units.Bytes(r.Memory.Used)} / {Units.Bytes(r.Memory.Total)}",
                $"{r.OsInfo.Distribution} {r.OsInfo.Version}");
        }

        console.Write(table);
        var disks = CliConsole.Table("Host", "Disk", "Used", "Free", "Total");
        foreach (var r in results.Results)
        {
            foreach (var disk in r.Disks)
            {
                disks.Row(r.Hostname, disk.Name, Units.Bytes(disk.Used), Units.Bytes(disk.Free), Units.Bytes(disk.Total));
            }
        }

        if (disks.Rows.Count > 0)
        {
            console.Write(disks);
        }
    }

    public static void Ping(IAnsiConsole console, NodeResults<PingResult> results)
    {
        var table = CliConsole.Table("Host", "Sent", "Received", "Loss", "Min", "Avg", "Max");
        foreach (var r in results.Results)
        {
            table.Row(
                r.Hostname,
                r.PacketsSent.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.PacketsReceived.ToString(System.Globalization.CultureInfo.InvariantCulture),
                FormattableString.Invariant($"{r.PacketLoss:0.#}%"),
                r.MinRtt,
                r.AvgRtt,
                r.MaxRtt);
        }

        console.Write(table);
    }

    public static void Dns(IAnsiConsole console, NodeResults<DnsConfig> results)
    {
        var table = CliConsole.Table("Host", "Servers", "Search domains");
        foreach (var r in results.Results)
        {
            table.Row(r.Hostname, string.Join(", ", r.Servers), string.Join(", ", r.SearchDomains));
        }

        console.Write(table);
    }

    public static void DnsUpdate(IAnsiConsole console, NodeResults<DnsUpdateResult> results)
    {
        var table = CliConsole.Table("Host", "Status", "Error");
        foreach (var r in results.Results)
        {
            table.AddRow(new Text(r.Hostname), new Markup(CliConsole.Status(r.Status)), new Text(r.Error ?? ""));
        }

        console.Write(table);
    }
}
