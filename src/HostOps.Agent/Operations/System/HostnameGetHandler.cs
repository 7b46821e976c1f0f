using System.Text.Json;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;

namespace HostOps.Agent.Operations.System;

/// <summary><c>system.hostname.get</c>: the agent's hostname as it names itself (configured, else the machine's).</summary>
internal sealed class HostnameGetHandler(AgentIdentity identity) : IOperationHandler
{
    public string OperationType => OperationTypes.HostnameGet;

    public Task<JsonElement> HandleAsync(JsonElement? data, CancellationToken cancellationToken) =>
        Task.FromResult(JsonSerializer.SerializeToElement(new HostnameResult(identity.Hostname), HostOpsJsonContext.Default.HostnameResult));
}
