using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Cron;
using HostOps.Providers.Cron;

namespace HostOps.Agent.Operations.Cron;

/// <summary><c>cron.detail.get</c>: one entry.</summary>
internal sealed class CronDetailHandler(AgentIdentity identity, CronTable table)
    : DeclaredOperationHandler<CronRequest, CronResult>(identity)
{
    protected override Operation<CronRequest, CronResult> Operation => CronOperations.Detail;

    protected override Task<CronResult> RunAsync(CronRequest input, CancellationToken cancellationToken) =>
        Task.FromResult(CronSetHandler.ResultOf(new CronChange(table.Read(input.Name), false)));
}
