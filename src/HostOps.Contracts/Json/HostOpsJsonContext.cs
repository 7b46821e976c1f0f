using System.Text.Json.Serialization;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Audit;
using HostOps.Contracts.Cluster;
using HostOps.Contracts.Errors;
using HostOps.Contracts.Files;
using HostOps.Contracts.Health;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;

namespace HostOps.Contracts.Json;

/// <summary>The one source-generated JSON context shared by the API, the NATS payloads and the client.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(AuditEntry))]
[JsonSerializable(typeof(AuditPage))]
[JsonSerializable(typeof(StoredFile))]
[JsonSerializable(typeof(StoredFileList))]
[JsonSerializable(typeof(SubmitJobRequest))]
[JsonSerializable(typeof(SubmitJobResponse))]
[JsonSerializable(typeof(JobDetail))]
[JsonSerializable(typeof(JobList))]
[JsonSerializable(typeof(QueueStats))]
[JsonSerializable(typeof(WorkerList))]
[JsonSerializable(typeof(JobDefinition))]
[JsonSerializable(typeof(JobEvent))]
[JsonSerializable(typeof(JobChangeEvent))]
[JsonSerializable(typeof(JobHostResponse))]
[JsonSerializable(typeof(DeadLetter))]
[JsonSerializable(typeof(AgentHeartbeat))]
[JsonSerializable(typeof(AgentEnrollment))]
[JsonSerializable(typeof(List<AgentEnrollment>))]
[JsonSerializable(typeof(EnrollAgentRequest))]
[JsonSerializable(typeof(LeaveAgentRequest))]
[JsonSerializable(typeof(EnrollAgentResponse))]
[JsonSerializable(typeof(AgentInfo))]
[JsonSerializable(typeof(AgentList))]
[JsonSerializable(typeof(JoinToken))]
[JsonSerializable(typeof(SavedEnrollment))]
[JsonSerializable(typeof(ServerJoinRequest))]
[JsonSerializable(typeof(ServerJoinResponse))]
[JsonSerializable(typeof(HealthStatus))]
[JsonSerializable(typeof(SimpleStatus))]
[JsonSerializable(typeof(HostnameResult))]
[JsonSerializable(typeof(UptimeResult))]
[JsonSerializable(typeof(OsResult))]
[JsonSerializable(typeof(DiskResult))]
[JsonSerializable(typeof(MemoryResult))]
[JsonSerializable(typeof(LoadResult))]
[JsonSerializable(typeof(SystemStatusResult))]
[JsonSerializable(typeof(DnsGetRequest))]
[JsonSerializable(typeof(DnsConfig))]
[JsonSerializable(typeof(DnsUpdateRequest))]
[JsonSerializable(typeof(DnsUpdateResult))]
[JsonSerializable(typeof(PingRequest))]
[JsonSerializable(typeof(PingResult))]
[JsonSerializable(typeof(NodeResults<HostnameResult>))]
[JsonSerializable(typeof(NodeResults<SystemStatusResult>))]
[JsonSerializable(typeof(NodeResults<PingResult>))]
[JsonSerializable(typeof(NodeResults<DnsConfig>))]
[JsonSerializable(typeof(NodeResults<DnsUpdateResult>))]
public sealed partial class HostOpsJsonContext : JsonSerializerContext;
