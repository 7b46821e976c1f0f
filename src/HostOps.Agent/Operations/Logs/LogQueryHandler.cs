using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Logs;
using HostOps.Providers.Logs;

namespace HostOps.Agent.Operations.Logs;

/// <summary><c>log.query.get</c>: this host's newest journal entries.</summary>
internal sealed class LogQueryHandler(AgentIdentity identity, JournalReader journal)
    : DeclaredOperationHandler<LogQueryRequest, LogResult>(identity)
{
    protected override Operation<LogQueryRequest, LogResult> Operation => LogOperations.Query;

    protected override async Task<LogResult> RunAsync(LogQueryRequest input, CancellationToken cancellationToken)
    {
        var read = await journal.ReadAsync(input, cancellationToken);
        return new LogResult { Entries = read.Entries, Truncated = read.Truncated };
    }
}
