using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Logs;
using HostOps.Providers.Logs;

namespace HostOps.Agent.Operations.Logs;

/// <summary><c>log.unit.get</c>: one unit's newest journal entries on this host.</summary>
internal sealed class LogUnitHandler(AgentIdentity identity, JournalReader journal)
    : DeclaredOperationHandler<LogUnitRequest, LogResult>(identity)
{
    protected override Operation<LogUnitRequest, LogResult> Operation => LogOperations.Unit;

    protected override async Task<LogResult> RunAsync(LogUnitRequest input, CancellationToken cancellationToken)
    {
        var read = await journal.ReadAsync(input.AsQuery(), cancellationToken);
        return new LogResult { Entries = read.Entries, Truncated = read.Truncated };
    }
}
