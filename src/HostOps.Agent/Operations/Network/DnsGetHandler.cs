using System.Text.Json;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;
using HostOps.Providers.Network;

namespace HostOps.Agent.Operations.Network;

/// <summary><c>network.dns.get</c>: DNS servers and search domains of one interface.</summary>
internal sealed class DnsGetHandler(AgentIdentity identity, DnsProvider dns) : IOperationHandler
{
    public string OperationType => OperationTypes.DnsGet;

    public async Task<JsonElement> HandleAsync(JsonElement? data, CancellationToken cancellationToken)
    {
        var request = OperationData.Read(data, HostOpsJsonContext.Default.DnsGetRequest);
        OperationData.Ensure(InputRules.Validate(request));
        var settings = await ProviderCall.RunAsync(() => dns.ReadAsync(request.InterfaceName, cancellationToken));
        var result = new DnsConfig(identity.Hostname, settings.Servers, settings.SearchDomains);
        return JsonSerializer.SerializeToElement(result, HostOpsJsonContext.Default.DnsConfig);
    }
}
