using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;

namespace HostOps.Jobs.Client;

/// <summary>
/// Checks a submitted operation before it becomes a job: a known type; for the operations that take input, input
/// that passes <see cref="InputRules"/> (the same rules the agent applies again before running it); for the others,
/// no input at all (<c>{}</c> and <c>null</c> count as none), so nothing unread is stored with the job.
/// </summary>
public static class OperationInput
{
    private static readonly ConcurrentDictionary<string, Func<JsonElement?, string?>> DataRules = new(StringComparer.Ordinal)
    {
        [OperationTypes.DnsGet] = data => InputRules.Validate(Read(data, HostOpsJsonContext.Default.DnsGetRequest)),
        [OperationTypes.DnsUpdate] = data => InputRules.Validate(Read(data, HostOpsJsonContext.Default.DnsUpdateRequest)),
        [OperationTypes.PingDo] = data => InputRules.Validate(Read(data, HostOpsJsonContext.Default.PingRequest)),
    };

    /// <summary>
    /// Accepts an operation type the shipped list lacks, in this process only, with the rule its input must pass
    /// (an error such as <c>data.x: …</c>, or null); for a host that registers the type's handler too (a test host).
    /// </summary>
    public static void Register(string type, Func<JsonElement?, string?> dataRule)
    {
        OperationTypes.Register(type);
        DataRules[type] = dataRule;
    }

    public static void Validate(JobOperation? operation)
    {
        if (operation is null)
        {
            throw new JobRequestException("operation", "operation is required");
        }

        if (string.IsNullOrWhiteSpace(operation.Type))
        {
            throw new JobRequestException("operation.type", "operation.type is required");
        }

        if (!OperationTypes.IsKnown(operation.Type))
        {
            throw new JobRequestException(
                "operation.type", $"unknown operation type '{operation.Type}'; known types: {string.Join(", ", OperationTypes.All)}");
        }

        if (OperationCatalog.Find(operation.Type) is { } declared)
        {
            if (declared.ValidateData(operation.Data) is { } invalid)
            {
                throw new JobRequestException("operation.data", $"operation.{invalid}");
            }
        }
        else if (!DataRules.TryGetValue(operation.Type, out var rule))
        {
            if (!IsEmpty(operation.Data))
            {
                throw new JobRequestException("operation.data", $"operation.data: {operation.Type} takes no input (leave data out, or send {{}} or null)");
            }
        }
        else
        {
            string? error;
            try
            {
                error = rule(operation.Data);
            }
            catch (JsonException)
            {
                error = $"data: is not a valid {operation.Type} input";
            }

            if (error is not null)
            {
                throw new JobRequestException("operation.data", $"operation.{error}");
            }
        }
    }

    /// <summary>
    /// A checked operation as the job stores it: its declaration's <c>Prepare</c> applied to the data (a plaintext
    /// password hashed, …), so what must not be stored never is.
    /// </summary>
    public static JobOperation Prepare(JobOperation operation) =>
        OperationCatalog.Find(operation.Type) is { } declared ? operation with { Data = declared.PrepareData(operation.Data) } : operation;

    /// <summary>What clients send for "no input" today: no data, <c>null</c>, or <c>{}</c>.</summary>
    private static bool IsEmpty(JsonElement? data) => data is null || data.Value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => true,
        JsonValueKind.Object => !data.Value.EnumerateObject().Any(),
        _ => false,
    };

    private static T? Read<T>(JsonElement? data, JsonTypeInfo<T> typeInfo)
        where T : class =>
        data is { ValueKind: JsonValueKind.Object } element ? element.Deserialize(typeInfo) : null;
}
