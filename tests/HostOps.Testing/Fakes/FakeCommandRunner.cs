using HostOps.Providers;
using HostOps.Providers.Commands;

namespace HostOps.Testing.Fakes;

/// <summary>
/// Records every argument list instead of running anything, and answers with canned output keyed by the command line
/// (<c>"resolvectl dns eth0"</c>). Unknown commands succeed with empty output.
/// </summary>
public sealed class FakeCommandRunner : ICommandRunner
{
    private readonly Lock gate = new();
    private readonly List<RecordedCommand> calls = [];
    private readonly Dictionary<string, CommandResult> answers = new(StringComparer.Ordinal);

    public IReadOnlyList<RecordedCommand> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    /// <summary>Answers <paramref name="commandLine"/> (program and arguments joined by single spaces) with <paramref name="result"/>.</summary>
    public FakeCommandRunner Answer(string commandLine, CommandResult result)
    {
        lock (gate)
        {
            answers[commandLine] = result;
        }

        return this;
    }

    /// <summary>Called after each command is answered, e.g. to answer later reads as the host would be after a change.</summary>
    public Action<RecordedCommand>? AfterRun { get; set; }

    public FakeCommandRunner Answer(string commandLine, string standardOutput) =>
        Answer(commandLine, new CommandResult(0, standardOutput, string.Empty));

    /// <summary>Makes <paramref name="commandLine"/> fail as a program that is not installed would.</summary>
    public FakeCommandRunner Missing(string commandLine) =>
        Answer(commandLine, new CommandResult(-1, string.Empty, MissingMarker));

    public Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(fileName, arguments, CommandOptions.None, cancellationToken);

    public Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CommandOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var call = new RecordedCommand(fileName, [.. arguments]) { Options = options };
        CommandResult? answer;
        lock (gate)
        {
            calls.Add(call);
            answer = answers.GetValueOrDefault(call.CommandLine);
        }

        if (answer?.StandardError == MissingMarker)
        {
            throw new HostProviderException($"cannot run {fileName}: No such file or directory");
        }

        AfterRun?.Invoke(call);
        return Task.FromResult(answer ?? new CommandResult(0, string.Empty, string.Empty));
    }

    private const string MissingMarker = "\0missing";
}
