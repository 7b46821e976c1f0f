using System.Text.Json;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;
using HostOps.Providers.System;

namespace HostOps.Agent.Operations.System;

/// <summary><c>system.disk.get</c>: size, used and free bytes of every mounted disk filesystem.</summary>
internal sealed class DiskGetHandler(AgentIdentity identity, DiskProvider disks) : IOperationHandler
{
    public string OperationType => OperationTypes.DiskGet;

    public Task<JsonElement> HandleAsync(JsonElement? data, CancellationToken cancellationToken)
    {
        var result = new DiskResult(identity.Hostname, ProviderCall.Run(disks.Read));
        return Task.FromResult(JsonSerializer.SerializeToElement(result, HostOpsJsonContext.Default.DiskResult));
    }
}
