using HostOps.Contracts.Security;

namespace HostOps.Contracts.Operations.Sysctl;

/// <summary>Declared operations of kernel parameters: read them through /proc/sys, set one, keep it across reboots.</summary>
public static class SysctlOperations
{
    public static readonly OperationArea Sysctl = new("sysctl", "Sysctl", "Read and set kernel parameters (sysctl), at runtime and across reboots.");

    /// <summary>The one file under /etc/sysctl.d that HostOps owns.</summary>
    public const string PersistedFile = "/etc/sysctl.d/90-hostops.conf";

    private const string KeyHelp = "The key, dotted: net.ipv4.ip_forward";
    private const string DryRunHelp = "Answer what would change, change nothing";

    /// <summary><c>GET /sysctl</c>: every readable parameter under /proc/sys.</summary>
    public static readonly Operation<SysctlListRequest, SysctlListResult> List = new()
    {
        Type = "sysctl.list.get",
        Area = Sysctl,
        Method = "GET",
        Route = "/sysctl",
        Verb = ["list"],
        Summary = "List the kernel parameters of each targeted host with their running and persisted values.",
        Scope = Scopes.Read,
        Input = SysctlJsonContext.Default.SysctlListRequest,
        Result = SysctlJsonContext.Default.SysctlListResult,
        Results = SysctlJsonContext.Default.NodeResultsSysctlListResult,
        Example = new SysctlListRequest { Prefix = "net.ipv4" },
        Validate = request => SysctlRules.Prefix("prefix", request.Prefix),
        Help = new Dictionary<string, string> { ["prefix"] = "Only keys equal to or under this one (net.ipv4)" },
        Examples = ["hostops client sysctl list --prefix net.ipv4 --target _all"],
    };

    /// <summary><c>GET /sysctl/{key}</c>: one parameter.</summary>
    public static readonly Operation<SysctlRequest, SysctlResult> Detail = new()
    {
        Type = "sysctl.detail.get",
        Area = Sysctl,
        Method = "GET",
        Route = "/sysctl/{key}",
        Verb = ["get"],
        Summary = "Read one kernel parameter of each targeted host.",
        Scope = Scopes.Read,
        Input = SysctlJsonContext.Default.SysctlRequest,
        Result = SysctlJsonContext.Default.SysctlResult,
        Results = SysctlJsonContext.Default.NodeResultsSysctlResult,
        Example = new SysctlRequest { Key = "net.ipv4.ip_forward" },
        Validate = request => SysctlRules.Key("key", request.Key),
        Help = new Dictionary<string, string> { ["key"] = KeyHelp },
        Examples = ["hostops client sysctl get net.ipv4.ip_forward --target _all"],
    };

    /// <summary><c>PUT /sysctl/{key}</c>: writes the running value, and with <c>persist</c> HostOps' file too.</summary>
    public static readonly Operation<SysctlSetRequest, SysctlResult> Set = new()
    {
        Type = "sysctl.set.do",
        Area = Sysctl,
        Method = "PUT",
        Route = "/sysctl/{key}",
        Verb = ["set"],
        Arguments = ["key", "value"],
        Summary = $"Set a kernel parameter on each targeted host, and with persist keep it across reboots ({PersistedFile}).",
        Scope = Scopes.Write,
        ChangesHost = true,
        Input = SysctlJsonContext.Default.SysctlSetRequest,
        Result = SysctlJsonContext.Default.SysctlResult,
        Results = SysctlJsonContext.Default.NodeResultsSysctlResult,
        Example = new SysctlSetRequest { Key = "net.ipv4.ip_forward", Value = "1", Persist = true, DryRun = true },
        Validate = request => SysctlRules.Key("key", request.Key) ?? SysctlRules.Value("value", request.Value),
        Help = new Dictionary<string, string>
        {
            ["key"] = KeyHelp,
            ["value"] = "The new value (numbers of a vector separated by spaces)",
            ["persist"] = $"Also keep it across reboots, in {PersistedFile}",
            [ChangeRequest.DryRunField] = DryRunHelp,
        },
        Examples = ["hostops client sysctl set net.ipv4.ip_forward 1 --persist --target _all", "hostops client sysctl set vm.swappiness 10 -t db-01 --dry-run"],
    };

    /// <summary><c>DELETE /sysctl/{key}</c>: removes the key's entry from HostOps' file; the running value stays until reboot.</summary>
    public static readonly Operation<SysctlDeleteRequest, SysctlResult> Delete = new()
    {
        Type = "sysctl.delete.do",
        Area = Sysctl,
        Method = "DELETE",
        Route = "/sysctl/{key}",
        Verb = ["delete"],
        Summary = $"Remove a kernel parameter's persisted entry ({PersistedFile}) on each targeted host; the running value stays.",
        Scope = Scopes.Write,
        ChangesHost = true,
        Input = SysctlJsonContext.Default.SysctlDeleteRequest,
        Result = SysctlJsonContext.Default.SysctlResult,
        Results = SysctlJsonContext.Default.NodeResultsSysctlResult,
        Example = new SysctlDeleteRequest { Key = "net.ipv4.ip_forward", DryRun = true },
        Validate = request => SysctlRules.Key("key", request.Key),
        Help = new Dictionary<string, string> { ["key"] = KeyHelp, [ChangeRequest.DryRunField] = DryRunHelp },
        Examples = ["hostops client sysctl delete net.ipv4.ip_forward --target _all"],
    };
}
