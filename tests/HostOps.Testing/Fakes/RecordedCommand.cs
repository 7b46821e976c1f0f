namespace HostOps.Testing.Fakes;

/// <summary>One command the <see cref="FakeCommandRunner"/> was asked to run.</summary>
public sealed record RecordedCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public string CommandLine => Arguments.Count == 0 ? FileName : FileName + " " + string.Join(' ', Arguments);
}
