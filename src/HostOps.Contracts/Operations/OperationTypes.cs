using System.Collections.Concurrent;

namespace HostOps.Contracts.Operations;

/// <summary>
/// The operation types agents know. A declared operation says whether it changes hosts; for the others the suffix decides the subject kind:
/// <c>.get .query .read .status .do</c> are queries, <c>.update .set .create .delete .execute</c> modifications.
/// </summary>
public static class OperationTypes
{
    public const string HostnameGet = "system.hostname.get";
    public const string UptimeGet = "system.uptime.get";
    public const string OsGet = "system.os.get";
    public const string DiskGet = "system.disk.get";
    public const string MemoryGet = "system.memory.get";
    public const string LoadGet = "system.load.get";
    public const string StatusGet = "system.status.get";
    public const string DnsGet = "network.dns.get";
    public const string DnsUpdate = "network.dns.update";
    public const string PingDo = "network.ping.do";

    /// <summary>The operations written before declarations existed, then every declared one (<see cref="OperationCatalog"/>).</summary>
    public static IReadOnlyList<string> All { get; } =
        [HostnameGet, UptimeGet, OsGet, DiskGet, MemoryGet, LoadGet, StatusGet, DnsGet, DnsUpdate, PingDo, .. OperationCatalog.All.Select(o => o.Type)];

    private static readonly string[] QuerySuffixes = [".get", ".query", ".read", ".status", ".do"];
    private static readonly string[] ModifySuffixes = [".update", ".set", ".create", ".delete", ".execute"];

    // Types a host adds for its own handlers (the fault-injection test host); the shipped hostops adds none.
    private static readonly ConcurrentDictionary<string, bool> Registered = new(StringComparer.Ordinal);

    public static bool IsKnown(string? type) => type is not null && (All.Contains(type) || Registered.ContainsKey(type));

    /// <summary>Makes <paramref name="type"/> known in this process, for a host that also registers its handler.</summary>
    public static void Register(string type) => Registered[type] = true;

    /// <summary>True for a modifying operation, false for a query; null when the suffix is neither.</summary>
    public static bool? IsModification(string type)
    {
        if (OperationCatalog.Find(type) is { } declared)
        {
            return declared.ChangesHost;
        }

        if (QuerySuffixes.Any(s => type.EndsWith(s, StringComparison.Ordinal)))
        {
            return false;
        }

        return ModifySuffixes.Any(s => type.EndsWith(s, StringComparison.Ordinal)) ? true : null;
    }
}
