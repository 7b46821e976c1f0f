using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Cron;
using HostOps.Providers.Cron;

namespace HostOps.Agent.Operations.Cron;

/// <summary><c>cron.delete.do</c>.</summary>
internal sealed class CronDeleteHandler(AgentIdentity identity, CronTable table)
    : DeclaredOperationHandler<CronDeleteRequest, CronResult>(identity)
{
    protected override Operation<CronDeleteRequest, CronResult> Operation => CronOperations.Delete;

    protected override Task<CronResult> RunAsync(CronDeleteRequest input, CancellationToken cancellationToken) =>
        Task.FromResult(CronSetHandler.ResultOf(table.Delete(input.Name, input.DryRun)));
}
