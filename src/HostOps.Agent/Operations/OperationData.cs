using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HostOps.Agent.Operations;

/// <summary>Reads a handler's input: missing or malformed data is the caller's mistake, so the job fails instead of retrying.</summary>
internal static class OperationData
{
    public static T Read<T>(JsonElement? data, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (data is not { ValueKind: JsonValueKind.Object } element)
        {
            throw new OperationFailedException("data: is required (a JSON object)");
        }

        try
        {
            return element.Deserialize(typeInfo) ?? throw new OperationFailedException("data: is required (a JSON object)");
        }
        catch (JsonException e)
        {
            throw new OperationFailedException($"data: {e.Message}", e);
        }
    }

    /// <summary>Fails the job with the <see cref="HostOps.Contracts.Operations.InputRules"/> message, if there is one.</summary>
    public static void Ensure(string? error)
    {
        if (error is not null)
        {
            throw new OperationFailedException(error);
        }
    }
}
