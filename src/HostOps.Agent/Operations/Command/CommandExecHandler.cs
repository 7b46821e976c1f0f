using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Command;
using HostOps.Providers.Commands;

namespace HostOps.Agent.Operations.Command;

/// <summary>
/// <c>command.exec.do</c>: runs the program where <c>job.worker.command</c> allows it (<see cref="CommandExecutor"/>).
/// A command that ran is ok with its exit code; one that could not start fails the host's item with the reason.
/// </summary>
internal sealed class CommandExecHandler(AgentIdentity identity, CommandExecutor executor)
    : DeclaredOperationHandler<CommandExecRequest, CommandExecResult>(identity)
{
    protected override Operation<CommandExecRequest, CommandExecResult> Operation => CommandOperations.Exec;

    protected override Task<CommandExecResult> RunAsync(CommandExecRequest input, CancellationToken cancellationToken) =>
        executor.ExecAsync(input, cancellationToken);
}
