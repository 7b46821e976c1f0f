using HostOps.Contracts.Security;

namespace HostOps.Contracts.Operations.Cron;

/// <summary>Declared operations of cron entries: one file per entry, /etc/cron.d/hostops-NAME, that HostOps owns.</summary>
public static class CronOperations
{
    public static readonly OperationArea Schedule = new("schedule", "Schedule", "List, read, write and remove scheduled commands (cron entries in /etc/cron.d).");

    private const string NameHelp = "The entry's name (a-z 0-9 _ -): its file is /etc/cron.d/hostops-NAME";
    private const string DryRunHelp = "Answer what would change, change nothing";

    /// <summary><c>GET /schedule/cron</c>: the entries HostOps wrote.</summary>
    public static readonly Operation<NoInput, CronListResult> List = new()
    {
        Type = "cron.list.get",
        Area = Schedule,
        Method = "GET",
        Route = "/schedule/cron",
        Verb = ["cron", "list"],
        Summary = "List the HostOps cron entries of each targeted host.",
        Scope = Scopes.Read,
        Input = CronJsonContext.Default.NoInput,
        Result = CronJsonContext.Default.CronListResult,
        Results = CronJsonContext.Default.NodeResultsCronListResult,
        Example = new NoInput(),
        Examples = ["hostops client schedule cron list --target _all"],
    };

    /// <summary><c>GET /schedule/cron/{name}</c>: one entry.</summary>
    public static readonly Operation<CronRequest, CronResult> Detail = new()
    {
        Type = "cron.detail.get",
        Area = Schedule,
        Method = "GET",
        Route = "/schedule/cron/{name}",
        Verb = ["cron", "show"],
        Summary = "Show one HostOps cron entry of each targeted host.",
        Scope = Scopes.Read,
        Input = CronJsonContext.Default.CronRequest,
        Result = CronJsonContext.Default.CronResult,
        Results = CronJsonContext.Default.NodeResultsCronResult,
        Example = new CronRequest { Name = "backup" },
        Validate = request => CronRules.Name("name", request.Name),
        Help = new Dictionary<string, string> { ["name"] = NameHelp },
        Examples = ["hostops client schedule cron show backup --target db-01"],
    };

    /// <summary><c>PUT /schedule/cron/{name}</c>: writes the entry's file (mode 0644) unless it already holds the entry.</summary>
    public static readonly Operation<CronSetRequest, CronResult> Set = new()
    {
        Type = "cron.set.do",
        Area = Schedule,
        Method = "PUT",
        Route = "/schedule/cron/{name}",
        Verb = ["cron", "set"],
        Summary = "Create or replace a cron entry (/etc/cron.d/hostops-NAME) on each targeted host.",
        Scope = Scopes.Write,
        ChangesHost = true,
        Input = CronJsonContext.Default.CronSetRequest,
        Result = CronJsonContext.Default.CronResult,
        Results = CronJsonContext.Default.NodeResultsCronResult,
        Example = new CronSetRequest { Name = "backup", Schedule = "30 2 * * mon", User = "root", Command = "/usr/local/bin/backup --quiet", DryRun = true },
        Validate = request => CronRules.Name("name", request.Name) ?? CronRules.Schedule("schedule", request.Schedule)
            ?? CronRules.User("user", request.User) ?? CronRules.Command("command", request.Command),
        Help = new Dictionary<string, string>
        {
            ["name"] = NameHelp,
            ["schedule"] = "Five fields (minute hour day-of-month month day-of-week, such as '*/5 * * * *') or @reboot, @hourly, @daily, @weekly, @monthly, @yearly",
            ["user"] = "The user the command runs as (it must exist on the host)",
            ["command"] = "The command line, run by /bin/sh (% is cron's line break: write \\%)",
            [ChangeRequest.DryRunField] = DryRunHelp,
        },
        Examples = ["hostops client schedule cron set backup --schedule '30 2 * * *' --user root --command '/usr/local/bin/backup' -t db-01"],
    };

    /// <summary><c>DELETE /schedule/cron/{name}</c>: removes the entry's file if it exists.</summary>
    public static readonly Operation<CronDeleteRequest, CronResult> Delete = new()
    {
        Type = "cron.delete.do",
        Area = Schedule,
        Method = "DELETE",
        Route = "/schedule/cron/{name}",
        Verb = ["cron", "delete"],
        Summary = "Remove a HostOps cron entry from each targeted host.",
        Scope = Scopes.Write,
        ChangesHost = true,
        Input = CronJsonContext.Default.CronDeleteRequest,
        Result = CronJsonContext.Default.CronResult,
        Results = CronJsonContext.Default.NodeResultsCronResult,
        Example = new CronDeleteRequest { Name = "backup", DryRun = true },
        Validate = request => CronRules.Name("name", request.Name),
        Help = new Dictionary<string, string> { ["name"] = NameHelp, [ChangeRequest.DryRunField] = DryRunHelp },
        Examples = ["hostops client schedule cron delete backup --target db-01"],
    };
}
