using System.CommandLine;
using System.Text.Json;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;

namespace HostOps.Cli.Commands.Client.Job;

/// <summary>Arguments shared by the job commands, and turning them into request values.</summary>
internal static class JobArguments
{
    public static Argument<string> Id() => new("id") { Description = "The job id (a UUID, as printed by job add or job list)" };

    public static Option<string> JsonFile() => new("--json-file", "-f")
    {
        Description = "The job as JSON: {\"operation\":{\"type\":...,\"data\":{...}},\"target_hostname\":...} or just the operation; - reads stdin",
        HelpName = "FILE",
        Required = true,
    };

    public static Guid ParseId(string text) =>
        Guid.TryParse(text, out var id) ? id : throw new UsageException($"'{text}' is not a job id (a UUID)");

    /// <summary>Reads the job file; a file holding only the operation is accepted too. <c>--target</c> wins over the file.</summary>
    public static async Task<SubmitJobRequest> ReadRequestAsync(string path, string? target, TextReader stdin, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = path == "-" ? await stdin.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--json-file {path}: {e.Message}", e);
        }

        SubmitJobRequest? request;
        try
        {
            using var document = JsonDocument.Parse(text);
            request = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("operation", out _)
                ? document.RootElement.Deserialize(HostOpsJsonContext.Default.SubmitJobRequest)
                : new SubmitJobRequest(document.RootElement.Deserialize(HostOpsJsonContext.Default.JobOperation));
        }
        catch (JsonException e)
        {
            throw new UsageException($"--json-file {path}: not a job ({e.Message})", e);
        }

        if (request?.Operation is not { Type.Length: > 0 })
        {
            throw new UsageException($"--json-file {path}: no operation type (expected {{\"operation\":{{\"type\":\"system.hostname.get\"}}}})");
        }

        return target is null ? request : request with { TargetHostname = target };
    }
}
