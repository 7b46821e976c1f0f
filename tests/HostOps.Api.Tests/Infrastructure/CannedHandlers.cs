using System.Text.Json;
using HostOps.Agent.Operations;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;

namespace HostOps.Api.Tests.Infrastructure;

/// <summary>One canned handler per operation type the API's own endpoints use.</summary>
internal static class CannedHandlers
{
    /// <summary>Pinging this address fails on the agent, the way an operation that ran and failed does.</summary>
    public const string UnreachableAddress = "192.0.2.99";

    public static IReadOnlyList<CannedHandler> For(string host)
    {
        var ctx = HostOpsJsonContext.Default;
        var load = new LoadAverage(0.5, 0.25, 0.125);
        var memory = new MemoryInfo(8_000, 6_000, 2_000);
        var os = new OsInfo("Debian", "13");
        return
        [
            new(OperationTypes.HostnameGet, _ => JsonSerializer.SerializeToElement(new HostnameResult(host), ctx.HostnameResult)),
            new(OperationTypes.UptimeGet, _ => JsonSerializer.SerializeToElement(new UptimeResult(host, "1h", 3600), ctx.UptimeResult)),
            new(OperationTypes.StatusGet, _ => JsonSerializer.SerializeToElement(
                new SystemStatusResult(host, "1h", load, memory, [new DiskInfo("/", 100, 40, 60)], os), ctx.SystemStatusResult)),
            new(OperationTypes.PingDo, data => data?.GetProperty("address").GetString() == UnreachableAddress
                ? throw new OperationFailedException($"{UnreachableAddress}: 100% packet loss")
                : JsonSerializer.SerializeToElement(new PingResult(host, 1, 1, 0, "0.1ms", "0.1ms", "0.1ms"), ctx.PingResult)),
            new(OperationTypes.DnsGet, data => JsonSerializer.SerializeToElement(
                new DnsConfig(host, ["1.1.1.1"], [data?.GetProperty("interface_name").GetString() + ".example.com"]), ctx.DnsConfig)),
            new(OperationTypes.DnsUpdate, _ => JsonSerializer.SerializeToElement(new DnsUpdateResult(host, "ok"), ctx.DnsUpdateResult)),
            .. OperationCatalog.All.Select(o => Declared(o, host)),
        ];
    }

    /// <summary>
    /// A declared operation's canned answer: an ok item naming the host, changed when the input was not a dry run;
    /// an input whose first text value is <see cref="FailingValue"/> fails the job instead.
    /// </summary>
    private static CannedHandler Declared(OperationDeclaration operation, string host)
    {
        var answer = new DeclaredAnswer(host);
        operation.Accept(answer);
        return new(operation.Type, answer.Answer!);
    }

    /// <summary>An input holding this value fails on the agent, the way an operation that ran and failed does.</summary>
    public const string FailingValue = "fail-on-agent";

    private sealed class DeclaredAnswer(string host) : IOperationVisitor
    {
        public Func<JsonElement?, JsonElement>? Answer { get; private set; }

        public void Visit<TInput, TResult>(Operation<TInput, TResult> operation)
            where TInput : class
            where TResult : HostOutcome, new()
        {
            Answer = data =>
            {
                var text = data?.ValueKind == JsonValueKind.Object ? data.Value.GetRawText() : "";
                if (text.Contains(FailingValue, StringComparison.Ordinal))
                {
                    throw new OperationFailedException($"{FailingValue}: refused");
                }

                var dryRun = data?.ValueKind == JsonValueKind.Object && data.Value.TryGetProperty(ChangeRequest.DryRunField, out var flag) && flag.GetBoolean();
                return JsonSerializer.SerializeToElement(new TResult { Hostname = host, Changed = operation.ChangesHost && !dryRun }, operation.Result);
            };
        }
    }
}
