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

    public static NatsJsonContextSerializer<JobHostResponse> Response { get; } = new(HostOpsJsonContext.Default);

    public static NatsJsonContextSerializer<DeadLetter> DeadLetter { get; } = new(HostOpsJsonContext.Default);

    public static NatsJsonContextSerializer<AgentHeartbeat> Heartbeat { get; } = new(HostOpsJsonContext.Default);
}
