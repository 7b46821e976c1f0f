using HostOps.Contracts.Security;

namespace HostOps.Contracts.Operations.Processes;

/// <summary>Declared operations on the processes of hosts: read from /proc, signalled with kill(2).</summary>
public static class ProcessOperations
{
    public static readonly OperationArea Process = new("process", "Processes", "List and inspect the processes of hosts, and signal them.");

    /// <summary><c>GET /process</c>: the host's processes, sorted and cut to a limit.</summary>
    public static readonly Operation<ProcessListRequest, ProcessListResult> List = new()
    {
        Type = "process.list.get",
        Area = Process,
        Method = "GET",
        Route = "/process",
        Verb = ["list"],
        Summary = "List the processes of each targeted host.",
        Scope = Scopes.Read,
        Input = ProcessJsonContext.Default.ProcessListRequest,
        Result = ProcessJsonContext.Default.ProcessListResult,
        Results = ProcessJsonContext.Default.NodeResultsProcessListResult,
        Example = new ProcessListRequest { Sort = "rss", Limit = 10 },
        Validate = ProcessRules.Validate,
        Help = new Dictionary<string, string>
        {
            ["sort"] = $"Order: cpu or rss (biggest first), pid, start (newest first); default {ProcessRules.DefaultSort}",
            ["limit"] = $"At most this many processes ({ProcessRules.MinLimit}-{ProcessRules.MaxLimit}, default {ProcessRules.DefaultLimit})",
            ["user"] = "Only processes of this user (name or uid)",
            ["name"] = "Only processes whose name contains this text",
        },
        Examples = ["hostops client process list --sort rss --limit 10", "hostops client process list --user postgres -t db-1"],
    };

    /// <summary><c>GET /process/{pid}</c>: one process with its threads and argv.</summary>
    public static readonly Operation<ProcessDetailRequest, ProcessDetailResult> Detail = new()
    {
        Type = "process.detail.get",
        Area = Process,
        Method = "GET",
        Route = "/process/{pid}",
        Verb = ["show"],
        Summary = "Show one process of each targeted host.",
        Scope = Scopes.Read,
        Input = ProcessJsonContext.Default.ProcessDetailRequest,
        Result = ProcessJsonContext.Default.ProcessDetailResult,
        Results = ProcessJsonContext.Default.NodeResultsProcessDetailResult,
        Example = new ProcessDetailRequest { Pid = 1 },
        Validate = ProcessRules.Validate,
        Help = new Dictionary<string, string>
        {
            ["pid"] = "The process id",
        },
        Examples = ["hostops client process show 1234 -t web-1"],
    };

    /// <summary><c>POST /process/{pid}/signal</c>: sends a named signal with kill(2).</summary>
    public static readonly Operation<ProcessSignalRequest, ProcessSignalResult> Signal = new()
    {
        Type = "process.signal.do",
        Area = Process,
        Method = "POST",
        Route = "/process/{pid}/signal",
        Verb = ["signal"],
        Arguments = ["pid", "signal"],
        Summary = "Send a signal to a process of each targeted host.",
        Scope = Scopes.Write,
        ChangesHost = true,
        Input = ProcessJsonContext.Default.ProcessSignalRequest,
        Result = ProcessJsonContext.Default.ProcessSignalResult,
        Results = ProcessJsonContext.Default.NodeResultsProcessSignalResult,
        Example = new ProcessSignalRequest { Pid = 4242, Signal = "TERM", DryRun = true },
        Validate = ProcessRules.Validate,
        Help = new Dictionary<string, string>
        {
            ["pid"] = "The process id (not 1, not the agent's own)",
            ["signal"] = $"{string.Join(", ", ProcessRules.Signals.Keys)} (SIG prefix optional, any case)",
            [ChangeRequest.DryRunField] = "Answer whether the process exists, send nothing",
        },
        Examples = ["hostops client process signal 1234 TERM -t web-1", "hostops client process signal 1234 sighup -t web-1 --dry-run"],
    };
}
