using HostOps.Contracts.Security;

namespace HostOps.Contracts.Operations.Power;

/// <summary>Declared power operations: each schedules the reboot or power-off and answers before the host goes down.</summary>
public static class PowerOperations
{
    public static readonly OperationArea Power = new("power", "Power", "Reboot or power off hosts, after a delay.");

    /// <summary><c>POST /power/reboot</c>.</summary>
    public static readonly Operation<PowerRequest, PowerResult> Reboot = Declare(
        "reboot", "Reboot each targeted host after a delay.", "Say when the host would reboot, schedule nothing");

    /// <summary><c>POST /power/shutdown</c>: powers the host off.</summary>
    public static readonly Operation<PowerRequest, PowerResult> Shutdown = Declare(
        "shutdown", "Power off each targeted host after a delay.", "Say when the host would power off, schedule nothing");

    private static Operation<PowerRequest, PowerResult> Declare(string verb, string summary, string dryRunHelp) => new()
    {
        Type = $"power.{verb}.do",
        Area = Power,
        Method = "POST",
        Route = $"/power/{verb}",
        Verb = [verb],
        Summary = summary,
        Scope = Scopes.Admin,
        ChangesHost = true,
        Confirm = true,
        Input = PowerJsonContext.Default.PowerRequest,
        Result = PowerJsonContext.Default.PowerResult,
        Results = PowerJsonContext.Default.NodeResultsPowerResult,
        Example = new PowerRequest { Delay = 60, Message = "kernel update", DryRun = true },
        Validate = PowerRules.Validate,
        Help = new Dictionary<string, string>
        {
            ["delay"] = $"Seconds from now ({PowerRules.MinDelay}-{PowerRules.MaxDelay}, default {PowerRules.DefaultDelay})",
            ["message"] = $"Why, for the logs and logged-in users (at most {PowerRules.MaxMessageLength} printable characters)",
            [ChangeRequest.DryRunField] = dryRunHelp,
        },
        Examples = [$"hostops client power {verb} -t web-1 --delay 60 --message \"kernel update\"", $"hostops client power {verb} -t web-1 --yes"],
    };
}
