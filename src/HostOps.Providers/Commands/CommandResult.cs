namespace HostOps.Providers.Commands;

public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The most useful single line to show when the command failed.</summary>
    public string Reason =>
        FirstLine(StandardError) ?? FirstLine(StandardOutput) ?? $"exit code {ExitCode}";

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
