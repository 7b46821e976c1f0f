using HostOps.Contracts.Security;

namespace HostOps.Contracts.Operations.Command;

/// <summary>Declared operations of the command area: running a program on hosts.</summary>
public static class CommandOperations
{
    public static readonly OperationArea Command = new("command", "Commands", "Run programs on hosts (never through a shell).");

    /// <summary>
    /// <c>POST /command/exec</c>: runs one program with its arguments (no shell), where the agent's configuration
    /// allows it (<c>job.worker.command</c>), and answers its exit code and output.
    /// </summary>
    public static readonly Operation<CommandExecRequest, CommandExecResult> Exec = new()
    {
        Type = "command.exec.do",
        Area = Command,
        Method = "POST",
        Route = "/command/exec",
        Verb = ["exec"],
        Arguments = ["argv"],
        Summary = "Run a program (no shell) on each targeted host and answer its exit code and output.",
        Scope = Scopes.Admin,
        ChangesHost = true,
        Input = CommandJsonContext.Default.CommandExecRequest,
        Result = CommandJsonContext.Default.CommandExecResult,
        Results = CommandJsonContext.Default.NodeResultsCommandExecResult,
        Example = new CommandExecRequest { Argv = ["/bin/echo", "hello"], Timeout = 5, DryRun = true },
        Validate = CommandRules.Validate,
        ValidateWait = CommandRules.FitsWait,
        Help = new Dictionary<string, string>
        {
            ["argv"] = "The program (an absolute path, or a name looked up on the agent's PATH) and its arguments; put them after --",
            ["cwd"] = "The working directory (absolute path); default: the agent's",
            ["env"] = "Environment variables added to the agent's (NAME=VALUE)",
            ["timeout"] = $"Seconds before the command's process tree is killed ({CommandRules.MinTimeout}-{CommandRules.MaxTimeout}, default {CommandRules.DefaultTimeout}; below api.server.job_timeout)",
            [ChangeRequest.DryRunField] = "Answer whether the agent would run it (allowed, program found), run nothing",
        },
        Examples =
        [
            "hostops client command exec --timeout 20 -- /usr/bin/uptime",
            "hostops client command exec -t web-01 --cwd /tmp --env LANG=C --timeout 10 -- ls -l",
            "hostops client command exec -t _all --dry-run -- /usr/bin/systemctl restart nginx",
        ],
    };
}
