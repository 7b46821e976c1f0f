using System.Globalization;
using System.Text;
using System.Text.Json;
using HostOps.Agent.Operations;

namespace HostOps.Faults.Host;

/// <summary>
/// <c>test.record.do</c>: sleeps <c>data.sleep_ms</c>, then appends one line to
/// <c>$HOSTOPS_FAULTS_RECORD_DIR/&lt;hostname&gt;.records</c> and syncs it to disk, then returns. Each line is one
/// finished run: <c>job id, attempt, pid, hostname, unix ms</c>, tab-separated. A run killed before its line
/// is written did nothing, as a host-changing operation killed before its change.
/// </summary>
public sealed class RecordOperation(AgentIdentity identity) : IOperationHandler, IDisposable
{
    public const string Type = "test.record.do";
    public const string DirectoryVariable = "HOSTOPS_FAULTS_RECORD_DIR";
    private const int MaxSleepMs = 600_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private FileStream? _file;

    public string OperationType => Type;

    /// <summary>The input rule the API applies: <c>sleep_ms</c>, a whole number of milliseconds, is required.</summary>
    public static string? Validate(JsonElement? data) =>
        SleepMs(data) is null ? $"data.sleep_ms: is required, a whole number from 0 to {MaxSleepMs}" : null;

    public async Task<JsonElement> HandleAsync(JsonElement? data, CancellationToken cancellationToken)
    {
        var sleep = SleepMs(data) ?? throw new OperationFailedException("data.sleep_ms: is required");
        var job = RunningJob.Current ?? throw new InvalidOperationException("no running job on this flow");
        await Task.Delay(sleep, cancellationToken);

        var line = string.Join('\t',
            job.JobId.ToString(), job.Attempt.ToString(CultureInfo.InvariantCulture), Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            identity.Hostname, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)) + "\n";
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            _file ??= Open();
            await _file.WriteAsync(Encoding.UTF8.GetBytes(line), CancellationToken.None);
            _file.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }

        return JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["hostname"] = identity.Hostname });
    }

    public void Dispose()
    {
        _file?.Dispose();
        _gate.Dispose();
    }

    private FileStream Open()
    {
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable)
            ?? throw new InvalidOperationException($"{DirectoryVariable} is not set");
        Directory.CreateDirectory(directory);
        return new FileStream(Path.Combine(directory, identity.Hostname + ".records"), FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 1);
    }

    private static int? SleepMs(JsonElement? data) =>
        data is { ValueKind: JsonValueKind.Object } element
        && element.TryGetProperty("sleep_ms", out var value)
        && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var ms) && ms is >= 0 and <= MaxSleepMs
            ? ms
            : null;
}
