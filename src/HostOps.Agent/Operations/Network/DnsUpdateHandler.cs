using System.Text.Json;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;
using HostOps.Providers.Network;

namespace HostOps.Agent.Operations.Network;

/// <summary>
/// <c>network.dns.update</c>: sets an interface's servers and/or search domains. Answers <c>status: ok</c>; a refusal
/// (bad input, host changes not allowed, resolvectl failing) fails the job with the reason, which the API reports as
/// that host's <c>status: failed</c>. Setting the same values twice is harmless, as redelivery requires.
/// </summary>
internal sealed class DnsUpdateHandler(AgentIdentity identity, DnsUpdater updater) : IOperationHandler
{
    public const string Ok = "ok";

    public string OperationType => OperationTypes.DnsUpdate;

    public async Task<JsonElement> HandleAsync(JsonElement? data, CancellationToken cancellationToken)
    {
        var request = OperationData.Read(data, HostOpsJsonContext.Default.DnsUpdateRequest);
        OperationData.Ensure(InputRules.Validate(request));
        await ProviderCall.RunAsync(async () =>
        {
            await updater.UpdateAsync(request.InterfaceName!, request.Servers, request.SearchDomains, cancellationToken);
            return true;
        });
        return JsonSerializer.SerializeToElement(new DnsUpdateResult(identity.Hostname, Ok), HostOpsJsonContext.Default.DnsUpdateResult);
    }
}
