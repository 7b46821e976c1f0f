using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Processes;
using HostOps.Providers.Processes;

namespace HostOps.Agent.Operations.Processes;

/// <summary><c>process.signal.do</c>: <c>changed</c> is true when the signal was sent (on a dry run: when it would be).</summary>
internal sealed class ProcessSignalHandler(AgentIdentity identity, ProcessSignaller signaller)
    : DeclaredOperationHandler<ProcessSignalRequest, ProcessSignalResult>(identity)
{
    protected override Operation<ProcessSignalRequest, ProcessSignalResult> Operation => ProcessOperations.Signal;

    protected override Task<ProcessSignalResult> RunAsync(ProcessSignalRequest input, CancellationToken cancellationToken)
    {
        var signal = signaller.Send(input.Pid, input.Signal, input.DryRun);
        return Task.FromResult(new ProcessSignalResult { Changed = true, Pid = input.Pid, Signal = signal });
    }
}
