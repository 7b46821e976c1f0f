using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Processes;
using HostOps.Providers.Processes;

namespace HostOps.Agent.Operations.Processes;

/// <summary><c>process.list.get</c>: the host's processes from /proc, sorted and cut to the limit.</summary>
internal sealed class ProcessListHandler(AgentIdentity identity, ProcessTable processes)
    : DeclaredOperationHandler<ProcessListRequest, ProcessListResult>(identity)
{
    protected override Operation<ProcessListRequest, ProcessListResult> Operation => ProcessOperations.List;

    protected override Task<ProcessListResult> RunAsync(ProcessListRequest input, CancellationToken cancellationToken)
    {
        var listing = processes.List(input.Sort ?? ProcessRules.DefaultSort, input.Limit ?? ProcessRules.DefaultLimit, input.User, input.Name);
        return Task.FromResult(new ProcessListResult { Processes = [.. listing.Processes.Select(Info)], Total = listing.Total });
    }

    private static ProcessInfo Info(ProcessEntry entry) => new()
    {
        Pid = entry.Pid,
        Ppid = entry.Ppid,
        User = entry.User,
        Command = entry.Command,
        State = entry.State,
        CpuPercent = entry.CpuPercent,
        RssBytes = entry.RssBytes,
        StartTime = entry.StartTime,
    };
}
