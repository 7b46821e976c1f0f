using System.Text.Json;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;
using HostOps.Contracts.Text;
using HostOps.Providers.System;

namespace HostOps.Agent.Operations.System;

/// <summary><c>system.status.get</c>: every system reading in one answer; any reading that fails fails the whole job.</summary>
internal sealed class StatusGetHandler(
    AgentIdentity identity,
    UptimeProvider uptime,
    LoadProvider load,
    MemoryProvider memory,
    DiskProvider disks,
    OsProvider os) : IOperationHandler
{
    public string OperationType => OperationTypes.StatusGet;

    public Task<JsonElement> HandleAsync(JsonElement? data, CancellationToken cancellationToken)
    {
        var result = new SystemStatusResult(
            identity.Hostname,
            DurationText.Format(TimeSpan.FromSeconds(ProviderCall.Run(uptime.Read))),
            ProviderCall.Run(load.Read),
            ProviderCall.Run(memory.Read),
            ProviderCall.Run(disks.Read),
            ProviderCall.Run(os.Read));
        return Task.FromResult(JsonSerializer.SerializeToElement(result, HostOpsJsonContext.Default.SystemStatusResult));
    }
}
