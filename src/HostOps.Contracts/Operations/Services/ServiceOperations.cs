using HostOps.Contracts.Security;

namespace HostOps.Contracts.Operations.Services;

/// <summary>Declared operations of systemd services: list and read them, start, stop, restart, reload, enable and disable one.</summary>
public static class ServiceOperations
{
    public static readonly OperationArea Service = new("service", "Services", "List, read, start, stop, enable and disable systemd services.");

    private const string NameHelp = "The service: nginx or nginx.service (.service is added when no suffix is given)";

    /// <summary><c>GET /service</c>: every service unit of each host (loaded ones and installed unit files).</summary>
    public static readonly Operation<ServiceListRequest, ServiceListResult> List = new()
    {
        Type = "service.list.get",
        Area = Service,
        Method = "GET",
        Route = "/service",
        Verb = ["list"],
        Summary = "List the systemd services of each targeted host with their states.",
        Scope = Scopes.Read,
        Input = ServiceJsonContext.Default.ServiceListRequest,
        Result = ServiceJsonContext.Default.ServiceListResult,
        Results = ServiceJsonContext.Default.NodeResultsServiceListResult,
        Example = new ServiceListRequest { State = "active" },
        Validate = request => ServiceRules.ActiveState("state", request.State) ?? ServiceRules.Pattern("pattern", request.Pattern),
        Help = new Dictionary<string, string>
        {
            ["state"] = "Only services in this active state (active, inactive, failed, …)",
            ["pattern"] = "Only services whose name matches this glob (* and ?)",
        },
        Examples = ["hostops client service list --target _all --state failed", "hostops client service list --pattern 'ssh*' --json"],
    };

    /// <summary><c>GET /service/{name}</c>: one service's states, main process and since when it is active.</summary>
    public static readonly Operation<ServiceRequest, ServiceDetailResult> Detail = new()
    {
        Type = "service.detail.get",
        Area = Service,
        Method = "GET",
        Route = "/service/{name}",
        Verb = ["show"],
        Summary = "Show one systemd service of each targeted host.",
        Scope = Scopes.Read,
        Input = ServiceJsonContext.Default.ServiceRequest,
        Result = ServiceJsonContext.Default.ServiceDetailResult,
        Results = ServiceJsonContext.Default.NodeResultsServiceDetailResult,
        Example = new ServiceRequest { Name = "ssh" },
        Validate = request => ServiceRules.ServiceName("name", request.Name),
        Help = new Dictionary<string, string> { ["name"] = NameHelp },
        Examples = ["hostops client service show nginx --target web-01"],
    };

    /// <summary><c>POST /service/{name}/start</c>: starts a service that is not running.</summary>
    public static readonly Operation<ServiceActionRequest, ServiceActionResult> Start =
        Action("start", "Start a systemd service on each targeted host (nothing to do when it is running).");

    /// <summary><c>POST /service/{name}/stop</c>: stops a running service.</summary>
    public static readonly Operation<ServiceActionRequest, ServiceActionResult> Stop =
        Action("stop", "Stop a systemd service on each targeted host (nothing to do when it is not running).");

    /// <summary><c>POST /service/{name}/restart</c>: stops and starts a service, or starts it when it is not running.</summary>
    public static readonly Operation<ServiceActionRequest, ServiceActionResult> Restart =
        Action("restart", "Restart a systemd service on each targeted host.");

    /// <summary><c>POST /service/{name}/reload</c>: asks a running service to reload its configuration.</summary>
    public static readonly Operation<ServiceActionRequest, ServiceActionResult> Reload =
        Action("reload", "Reload the configuration of a running systemd service on each targeted host.");

    /// <summary><c>POST /service/{name}/enable</c>: starts a service at boot.</summary>
    public static readonly Operation<ServiceActionRequest, ServiceActionResult> Enable =
        Action("enable", "Enable a systemd service at boot on each targeted host (nothing to do when it is enabled).");

    /// <summary><c>POST /service/{name}/disable</c>: no longer starts a service at boot.</summary>
    public static readonly Operation<ServiceActionRequest, ServiceActionResult> Disable =
        Action("disable", "Disable a systemd service at boot on each targeted host (nothing to do when it is not enabled).");

    private static Operation<ServiceActionRequest, ServiceActionResult> Action(string verb, string summary) => new()
    {
        Type = $"service.{verb}.do",
        Area = Service,
        Method = "POST",
        Route = $"/service/{{name}}/{verb}",
        Verb = [verb],
        Summary = summary,
        Scope = Scopes.Write,
        ChangesHost = true,
        Input = ServiceJsonContext.Default.ServiceActionRequest,
        Result = ServiceJsonContext.Default.ServiceActionResult,
        Results = ServiceJsonContext.Default.NodeResultsServiceActionResult,
        Example = new ServiceActionRequest { Name = "nginx", DryRun = true },
        Validate = request => ServiceRules.ServiceName("name", request.Name),
        Help = new Dictionary<string, string>
        {
            ["name"] = NameHelp,
            [ChangeRequest.DryRunField] = "Answer what would change, change nothing",
        },
        Examples = [$"hostops client service {verb} nginx --target web-01", $"hostops client service {verb} nginx -t _all --dry-run"],
    };
}
