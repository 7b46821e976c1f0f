using System.Text.Json;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;
using HostOps.Providers.System;

namespace HostOps.Agent.Operations.System;

/// <summary><c>system.memory.get</c>: total, free (available) and used memory in bytes.</summary>
internal sealed class MemoryGetHandler(AgentIdentity identity, MemoryProvider memory) : IOperationHandler
{
    public string OperationType => OperationTypes.MemoryGet;

    public Task<JsonElement> HandleAsync(JsonElement? data, CancellationToken cancellationToken)
    {
        var result = new MemoryResult(identity.Hostname, ProviderCall.Run(memory.Read));
        return Task.FromResult(JsonSerializer.SerializeToElement(result, HostOpsJsonContext.Default.MemoryResult));
    }
}
