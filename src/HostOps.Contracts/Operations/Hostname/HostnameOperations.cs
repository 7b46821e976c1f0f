using HostOps.Contracts.Security;

namespace HostOps.Contracts.Operations.Hostname;

/// <summary>Declared operations of the hostname (the reading, <c>system.hostname.get</c>, predates declarations).</summary>
public static class HostnameOperations
{
    public static readonly OperationArea System = new("system", "System", "Read system facts from hosts, and set their hostname.");

    /// <summary><c>PUT /system/hostname</c>: sets the kernel's hostname and persists it (hostnamectl, else /etc/hostname).</summary>
    public static readonly Operation<HostnameSetRequest, HostnameSetResult> Set = new()
    {
        Type = "system.hostname.set",
        Area = System,
        Method = "PUT",
        Route = "/system/hostname",
        Verb = ["hostname", "set"],
        Arguments = ["name"],
        Summary = "Set the hostname of each targeted host, kept across reboots.",
        Scope = Scopes.Write,
        ChangesHost = true,
        Input = HostnameJsonContext.Default.HostnameSetRequest,
        Result = HostnameJsonContext.Default.HostnameSetResult,
        Results = HostnameJsonContext.Default.NodeResultsHostnameSetResult,
        Example = new HostnameSetRequest { Name = "web-01", DryRun = true },
        Validate = request => InputRules.Hostname("name", request.Name),
        Help = new Dictionary<string, string>
        {
            ["name"] = "The new hostname (RFC 1123)",
            [ChangeRequest.DryRunField] = "Answer what would change, change nothing",
        },
        Examples = ["hostops client system hostname set web-01 --target old-name", "hostops client system hostname set web-01 -t old-name --dry-run"],
    };
}
