using HostOps.Contracts.Security;

namespace HostOps.Contracts.Operations.Time;

/// <summary>Declared operations of the clock: the time zone and the NTP client (two areas, as their routes are /timezone and /ntp).</summary>
public static class TimeOperations
{
    public static readonly OperationArea Timezone = new("timezone", "Time", "Read and set the hosts' time zone.");

    public static readonly OperationArea Ntp = new("ntp", "Time", "Read the hosts' NTP synchronisation and set their NTP servers.");

    private const string DryRunHelp = "Answer what would change, change nothing";

    /// <summary><c>GET /timezone</c>.</summary>
    public static readonly Operation<NoInput, TimezoneResult> ZoneGet = new()
    {
        Type = "timezone.detail.get",
        Area = Timezone,
        Method = "GET",
        Route = "/timezone",
        Verb = ["show"],
        Summary = "Show the time zone of each targeted host.",
        Scope = Scopes.Read,
        Input = TimeJsonContext.Default.NoInput,
        Result = TimeJsonContext.Default.TimezoneResult,
        Results = TimeJsonContext.Default.NodeResultsTimezoneResult,
        Example = new NoInput(),
        Examples = ["hostops client timezone show --target _all"],
    };

    /// <summary><c>PUT /timezone</c>: timedatectl where systemd runs, else the /etc/localtime link and /etc/timezone.</summary>
    public static readonly Operation<TimezoneSetRequest, TimezoneResult> ZoneSet = new()
    {
        Type = "timezone.set.do",
        Area = Timezone,
        Method = "PUT",
        Route = "/timezone",
        Verb = ["set"],
        Arguments = ["zone"],
        Summary = "Set the time zone of each targeted host.",
        Scope = Scopes.Write,
        ChangesHost = true,
        Input = TimeJsonContext.Default.TimezoneSetRequest,
        Result = TimeJsonContext.Default.TimezoneResult,
        Results = TimeJsonContext.Default.NodeResultsTimezoneResult,
        Example = new TimezoneSetRequest { Zone = "Europe/Berlin", DryRun = true },
        Validate = request => TimeRules.Zone("zone", request.Zone),
        Help = new Dictionary<string, string>
        {
            ["zone"] = "A zone of the zoneinfo database: Europe/Berlin, America/New_York, UTC",
            [ChangeRequest.DryRunField] = DryRunHelp,
        },
        Examples = ["hostops client timezone set Europe/Berlin --target _all", "hostops client timezone set UTC -t web-01 --dry-run"],
    };

    /// <summary><c>GET /ntp</c>: synchronisation, offset and servers from systemd-timesyncd or chrony.</summary>
    public static readonly Operation<NoInput, NtpResult> NtpGet = new()
    {
        Type = "ntp.status.get",
        Area = Ntp,
        Method = "GET",
        Route = "/ntp",
        Verb = ["show"],
        Summary = "Show the NTP synchronisation of each targeted host: synchronised, offset, servers.",
        Scope = Scopes.Read,
        Input = TimeJsonContext.Default.NoInput,
        Result = TimeJsonContext.Default.NtpResult,
        Results = TimeJsonContext.Default.NodeResultsNtpResult,
        Example = new NoInput(),
        Examples = ["hostops client ntp show --target _all"],
    };

    /// <summary><c>PUT /ntp</c>: writes HostOps' drop-in for the host's NTP client and restarts or reloads it.</summary>
    public static readonly Operation<NtpSetRequest, NtpResult> NtpSet = new()
    {
        Type = "ntp.set.do",
        Area = Ntp,
        Method = "PUT",
        Route = "/ntp",
        Verb = ["set"],
        Arguments = ["servers"],
        Summary = "Set the NTP servers of each targeted host (systemd-timesyncd or chrony).",
        Scope = Scopes.Write,
        ChangesHost = true,
        Input = TimeJsonContext.Default.NtpSetRequest,
        Result = TimeJsonContext.Default.NtpResult,
        Results = TimeJsonContext.Default.NodeResultsNtpResult,
        Example = new NtpSetRequest { Servers = ["0.pool.ntp.org", "192.0.2.123"], DryRun = true },
        Validate = request => TimeRules.Servers("servers", request.Servers),
        Help = new Dictionary<string, string>
        {
            ["servers"] = $"NTP servers, host names or IP addresses (1-{TimeRules.MaxServers})",
            [ChangeRequest.DryRunField] = DryRunHelp,
        },
        Examples = ["hostops client ntp set 0.pool.ntp.org 1.pool.ntp.org --target _all"],
    };
}
