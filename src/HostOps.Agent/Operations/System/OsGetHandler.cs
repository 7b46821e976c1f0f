using System.Text.Json;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;
using HostOps.Providers.System;

namespace HostOps.Agent.Operations.System;

/// <summary><c>system.os.get</c>: distribution and version from os-release.</summary>
internal sealed class OsGetHandler(AgentIdentity identity, OsProvider os) : IOperationHandler
{
    public string OperationType => OperationTypes.OsGet;

    public Task<JsonElement> HandleAsync(JsonElement? data, CancellationToken cancellationToken)
    {
        var result = new OsResult(identity.Hostname, ProviderCall.Run(os.Read));
        return Task.FromResult(JsonSerializer.SerializeToElement(result, HostOpsJsonContext.Default.OsResult));
    }
}
