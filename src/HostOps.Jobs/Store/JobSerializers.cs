using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using NATS.Client.Core;

namespace HostOps.Jobs.Store;

/// <summary>NATS payload serializers backed by the shared source-generated JSON context.</summary>
public static class JobSerializers
{
    public static NatsJsonContextSerializer<JobDefinition> Definition { get; } = new(HostOpsJsonContext.Default);

    public static NatsJsonContextSerializer<JobEvent> Event { get; } = new(HostOpsJsonContext.Default);

    public static NatsJsonContextSerializer<DeadLetter> DeadLetter { get; } = new(HostOpsJsonContext.Default);

    public static NatsJsonContextSerializer<AgentHeartbeat> Heartbeat { get; } = new(HostOpsJsonContext.Default);

    public static NatsJsonContextSerializer<AgentEnrollment> Enrollment { get; } = new(HostOpsJsonContext.Default);

    /// <summary>A stored value as <typeparamref name="T"/>; null when it is empty or not valid JSON for it.</summary>
    public static T? TryRead<T>(byte[]? value, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (value is null || value.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(value, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
