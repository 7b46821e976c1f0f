using HostOps.Contracts.Operations;
using HostOps.Contracts.Operations.Cron;
using HostOps.Providers.Cron;

namespace HostOps.Agent.Operations.Cron;

/// <summary><c>cron.set.do</c>.</summary>
internal sealed class CronSetHandler(AgentIdentity identity, CronTable table)
    : DeclaredOperationHandler<CronSetRequest, CronResult>(identity)
{
    protected override Operation<CronSetRequest, CronResult> Operation => CronOperations.Set;

    public static CronResult ResultOf(CronChange change) => new()
    {
        Changed = change.Changed,
        Name = change.Entry.Name,
        Schedule = change.Entry.Schedule,
        User = change.Entry.User,
        Command = change.Entry.Command,
    };

    protected override async Task<CronResult> RunAsync(CronSetRequest input, CancellationToken cancellationToken)
    {
        var entry = new CronEntry { Name = input.Name, Schedule = input.Schedule, User = input.User, Command = input.Command };
        return ResultOf(await table.SetAsync(entry, input.DryRun, cancellationToken));
    }
}
