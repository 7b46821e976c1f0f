using System.CommandLine;

namespace HostOps.Cli.Commands.Completion;

/// <summary>
/// <c>hostops completion bash</c>: a bash completion script that asks hostops itself through System.CommandLine's
/// <c>[suggest:POSITION]</c> directive, so completions always match the installed command tree.
/// </summary>
internal static class CompletionCommand
{
    // COMP_LINE starts with the program name; the directive wants the rest and the cursor position inside it.
    private const string BashScript = """
        # hostops bash completion; load with: source <(hostops completion bash)
        _hostops_complete() {
          local line="${COMP_LINE:0:COMP_POINT}"
          local prog="${line%% *}"
          local rest="${line#"$prog"}"
          rest="${rest# }"
          local IFS=$'\n'
          COMPREPLY=($(compgen -W "$("$prog" "[suggest:${#rest}]" "$rest" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _hostops_complete hostops ./hostops
        """;

    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "The shell (bash)" };
        shell.AcceptOnlyFromAmong("bash");
        var command = new Command("completion", "Print the shell completion script") { shell }
            .WithExamples("source <(hostops completion bash)", "hostops completion bash > /etc/bash_completion.d/hostops");
        command.SetRunner(async context =>
        {
            await context.Output.WriteLineAsync(BashScript);
            return CliApp.Ok;
        });
        return command;
    }
}
