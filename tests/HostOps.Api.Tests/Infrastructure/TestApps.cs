using System.Text.Json;
using HostOps.Agent;
using HostOps.Agent.Operations;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Api.Tests.Infrastructure;

/// <summary>Ready-made API test servers: API alone, or API plus an in-process agent with canned handlers (as <c>hostops start</c> runs them).</summary>
internal static class TestApps
{
    public static ApiFactory ApiOnly(string natsUrl, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(natsUrl, settings, services is null ? null : (s, _) => services(s));

    public static ApiFactory WithAgent(string natsUrl, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        ApiFactory? factory = null;
        factory = new ApiFactory(natsUrl, settings, (s, configuration) =>
        {
            var host = factory!.Setting("job:worker:hostname");
            foreach (var handler in CannedHandlers(host))
            {
                s.AddSingleton<IOperationHandler>(handler);
            }

            s.AddHostOpsAgent(configuration);
            services?.Invoke(s);
        });
        return factory;
    }

    public static IReadOnlyList<CannedHandler> CannedHandlers(string host)
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
            new(OperationTypes.PingDo, _ => JsonSerializer.SerializeToElement(new PingResult(host, 1, 1, 0, "0.1ms", "0.1ms", "0.1ms"), ctx.PingResult)),
            new(OperationTypes.DnsGet, _ => JsonSerializer.SerializeToElement(new DnsConfig(host, ["1.1.1.1"], ["example.com"]), ctx.DnsConfig)),
            new(OperationTypes.DnsUpdate, _ => JsonSerializer.SerializeToElement(new DnsUpdateResult(host, "ok"), ctx.DnsUpdateResult)),
        ];
    }
}
