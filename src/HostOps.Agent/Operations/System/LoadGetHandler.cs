using System.Text.Json;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;
using HostOps.Providers.System;

namespace HostOps.Agent.Operations.System;

/// <summary><c>system.load.get</c>: the 1, 5 and 15 minute load averages.</summary>
internal sealed class LoadGetHandler(AgentIdentity identity, LoadProvider load) : IOperationHandler
{
    public string OperationType => OperationTypes.LoadGet;

    public Task<JsonElement> HandleAsync(JsonElement? data, CancellationToken cancellationToken)
    {
        var result = new LoadResult(identity.Hostname, ProviderCall.Run(load.Read));
        return Task.FromResult(JsonSerializer.SerializeToElement(result, HostOpsJsonContext.Default.LoadResult));
    }
}
