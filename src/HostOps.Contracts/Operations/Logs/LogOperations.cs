using HostOps.Contracts.Operations.Services;
using HostOps.Contracts.Security;

namespace HostOps.Contracts.Operations.Logs;

/// <summary>Declared operations of the systemd journal: read entries by unit, time, priority and pattern.</summary>
public static class LogOperations
{
    public static readonly OperationArea Log = new("log", "Logs", "Read the systemd journal of hosts.");

    private static readonly Dictionary<string, string> FilterHelp = new()
    {
        ["since"] = "Entries at or after this time (journalctl syntax: '2026-11-30 08:00', -1h, today)",
        ["until"] = "Entries at or before this time (journalctl syntax)",
        ["priority"] = "This priority and more severe: 0-7 or emerg, alert, crit, err, warning, notice, info, debug",
        ["grep"] = "Only entries whose message matches this regular expression",
        ["lines"] = $"How many of the newest entries ({LogRules.MinLines}-{LogRules.MaxLines}, default {LogRules.DefaultLines})",
    };

    /// <summary><c>GET /log</c>: the newest journal entries, filtered. The CLI's <c>hostops client log</c> runs it (no verb).</summary>
    public static readonly Operation<LogQueryRequest, LogResult> Query = new()
    {
        Type = "log.query.get",
        Area = Log,
        Method = "GET",
        Route = "/log",
        Verb = [],
        Summary = "Read the newest journal entries of each targeted host.",
        Scope = Scopes.Read,
        Input = LogJsonContext.Default.LogQueryRequest,
        Result = LogJsonContext.Default.LogResult,
        Results = LogJsonContext.Default.NodeResultsLogResult,
        Example = new LogQueryRequest { Priority = "err", Since = "-1h", Lines = 50 },
        Validate = LogRules.Validate,
        Help = new Dictionary<string, string>(FilterHelp) { ["unit"] = "Only this unit's entries (nginx, ssh.socket)" },
        Examples = ["hostops client log --priority err --since -1h --target _all", "hostops client log --unit nginx --grep 'timed out' --lines 20"],
    };

    /// <summary><c>GET /log/unit/{name}</c>: one unit's newest journal entries.</summary>
    public static readonly Operation<LogUnitRequest, LogResult> Unit = new()
    {
        Type = "log.unit.get",
        Area = Log,
        Method = "GET",
        Route = "/log/unit/{name}",
        Verb = ["unit"],
        Summary = "Read the newest journal entries of one unit on each targeted host.",
        Scope = Scopes.Read,
        Input = LogJsonContext.Default.LogUnitRequest,
        Result = LogJsonContext.Default.LogResult,
        Results = LogJsonContext.Default.NodeResultsLogResult,
        Example = new LogUnitRequest { Name = "ssh", Lines = 20 },
        Validate = request => ServiceRules.UnitName("name", request.Name) ?? LogRules.Validate(request.AsQuery() with { Unit = null }),
        Help = new Dictionary<string, string>(FilterHelp) { ["name"] = "The unit (nginx, ssh.socket; .service is added when no suffix is given)" },
        Examples = ["hostops client log unit nginx --since today --target web-01"],
    };
}
