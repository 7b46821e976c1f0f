using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Cron;
using HostOps.Providers.Cron;

namespace HostOps.Agent.Operations.Cron;

/// <summary><c>cron.list.get</c>: HostOps' cron entries on this host.</summary>
internal sealed class CronListHandler(AgentIdentity identity, CronTable table)
    : DeclaredOperationHandler<NoInput, CronListResult>(identity)
{
    protected override Operation<NoInput, CronListResult> Operation => CronOperations.List;

    protected override Task<CronListResult> RunAsync(NoInput input, CancellationToken cancellationToken) =>
        Task.FromResult(new CronListResult { Entries = table.List() });
}
