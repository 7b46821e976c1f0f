using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Processes;
using HostOps.Providers.Processes;

namespace HostOps.Agent.Operations.Processes;

/// <summary><c>process.detail.get</c>: one process; a pid the host does not have fails the host's item.</summary>
internal sealed class ProcessDetailHandler(AgentIdentity identity, ProcessTable processes)
    : DeclaredOperationHandler<ProcessDetailRequest, ProcessDetailResult>(identity)
{
    protected override Operation<ProcessDetailRequest, ProcessDetailResult> Operation => ProcessOperations.Detail;

    protected override Task<ProcessDetailResult> RunAsync(ProcessDetailRequest input, CancellationToken cancellationToken)
    {
        var entry = processes.Get(input.Pid);
        return Task.FromResult(new ProcessDetailResult
        {
            Pid = entry.Pid,
            Ppid = entry.Ppid,
            User = entry.User,
            Command = entry.Command,
            State = entry.State,
            CpuPercent = entry.CpuPercent,
            RssBytes = entry.RssBytes,
            StartTime = entry.StartTime,
            Threads = entry.Threads,
            Argv = entry.Argv,
        });
    }
}
