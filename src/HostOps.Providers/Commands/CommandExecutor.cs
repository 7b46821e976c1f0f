using HostOps.Contracts.Operations.Command;

namespace HostOps.Providers.Commands;

/// <summary>
/// <c>command.exec.do</c> on this host: refuses unless <c>job.worker.command.enabled</c>, finds the program
/// (<see cref="ProgramPath"/>) and checks it against <c>job.worker.command.allow</c> (the path found, or where its
/// links lead), checks the working directory, and then (not on a dry run, and only past
/// <see cref="HostChangeGuard"/>) runs exactly the program it checked with <see cref="CappedProcessRunner"/>. A
/// command that ran answers ok whatever its exit code; one that cannot run throws <see cref="HostProviderException"/>.
/// </summary>
[HostProvider]
public sealed class CommandExecutor(CommandPolicy policy, HostChangeGuard guard, CappedProcessRunner runner)
{
    public async Task<CommandExecResult> ExecAsync(CommandExecRequest request, CancellationToken cancellationToken)
    {
        if (!policy.Enabled)
        {
            throw new HostProviderException("command execution is disabled on this agent (job.worker.command.enabled: false)");
        }

        var program = ProgramPath.Find(request.Argv[0], Environment.GetEnvironmentVariable("PATH"));
        var realPath = ProgramPath.RealPath(program);
        if (!policy.Allows(program, realPath))
        {
            var found = realPath == program ? program : $"{program} (→ {realPath})";
            throw new HostProviderException($"{found} is not allowed on this agent (job.worker.command.allow: {string.Join(", ", policy.Allow)})");
        }

        if (request.Cwd is { } cwd && !Directory.Exists(cwd))
        {
            throw new HostProviderException($"cwd: {cwd} is not a directory on this agent");
        }

        if (request.DryRun)
        {
            return new CommandExecResult { Changed = true };
        }

        guard.EnsureAllowed($"running {program}");
        var timeout = TimeSpan.FromSeconds(request.Timeout ?? CommandRules.DefaultTimeout);
        var run = await runner.RunAsync(program, request.Argv.Skip(1).ToList(), request.Cwd, request.Env, timeout, cancellationToken);
        return new CommandExecResult
        {
            Changed = true,
            ExitCode = run.ExitCode,
            Stdout = run.StandardOutput,
            Stderr = run.StandardError,
            StdoutTruncated = run.StandardOutputTruncated,
            StderrTruncated = run.StandardErrorTruncated,
            DurationMs = (long)run.Duration.TotalMilliseconds,
            TimedOut = run.TimedOut,
        };
    }
}
