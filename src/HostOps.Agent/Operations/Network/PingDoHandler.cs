using System.Text.Json;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;
using HostOps.Contracts.Text;
using HostOps.Providers.Network;

namespace HostOps.Agent.Operations.Network;

/// <summary><c>network.ping.do</c>: ICMP echoes to an IP literal (never a name to resolve), with loss and round-trip times.</summary>
internal sealed class PingDoHandler(AgentIdentity identity, PingProvider ping) : IOperationHandler
{
    public string OperationType => OperationTypes.PingDo;

    public async Task<JsonElement> HandleAsync(JsonElement? data, CancellationToken cancellationToken)
    {
        var request = OperationData.Read(data, HostOpsJsonContext.Default.PingRequest);
        OperationData.Ensure(InputRules.Validate(request));
        if (!InputRules.TryParseIpLiteral(request.Address, out var address))
        {
            throw new OperationFailedException(InputRules.IpAddress("address", request.Address)!);
        }

        var count = request.Count ?? InputRules.DefaultPingCount;
        var summary = await ProviderCall.RunAsync(() => ping.PingAsync(address, count, cancellationToken));
        var result = new PingResult(
            identity.Hostname,
            summary.Sent,
            summary.Received,
            summary.PacketLossPercent,
            DurationText.FormatMilliseconds(summary.MinRtt),
            DurationText.FormatMilliseconds(summary.AvgRtt),
            DurationText.FormatMilliseconds(summary.MaxRtt));
        return JsonSerializer.SerializeToElement(result, HostOpsJsonContext.Default.PingResult);
    }
}
