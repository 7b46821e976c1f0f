using HostOps.Providers.Commands;

namespace HostOps.Testing.Fakes;

/// <summary>One command the <see cref="FakeCommandRunner"/> was asked to run.</summary>
public sealed record RecordedCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The environment and time limit it was run with.</summary>
    public CommandOptions Options { get; init; } = CommandOptions.None;

    public string CommandLine => Arguments.Count == 0 ? FileName : FileName + " " + string.Join(' ', Arguments);
}
