using System.Text.Json;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;
using HostOps.Contracts.Text;
using HostOps.Providers.System;

namespace HostOps.Agent.Operations.System;

/// <summary><c>system.uptime.get</c>: time since boot, as compact text and in seconds.</summary>
internal sealed class UptimeGetHandler(AgentIdentity identity, UptimeProvider uptime) : IOperationHandler
{
    public string OperationType => OperationTypes.UptimeGet;

    public Task<JsonElement> HandleAsync(JsonElement? data, CancellationToken cancellationToken)
    {
        var seconds = ProviderCall.Run(uptime.Read);
        var result = new UptimeResult(identity.Hostname, DurationText.Format(TimeSpan.FromSeconds(seconds)), seconds);
        return Task.FromResult(JsonSerializer.SerializeToElement(result, HostOpsJsonContext.Default.UptimeResult));
    }
}
