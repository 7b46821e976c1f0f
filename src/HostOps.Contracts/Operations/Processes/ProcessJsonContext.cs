using System.Text.Json.Serialization;

namespace HostOps.Contracts.Operations.Processes;

/// <summary>The JSON of the process operations.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProcessListRequest))]
[JsonSerializable(typeof(ProcessDetailRequest))]
[JsonSerializable(typeof(ProcessSignalRequest))]
[JsonSerializable(typeof(NodeResults<ProcessListResult>))]
[JsonSerializable(typeof(NodeResults<ProcessDetailResult>))]
[JsonSerializable(typeof(NodeResults<ProcessSignalResult>))]
public sealed partial class ProcessJsonContext : JsonSerializerContext;
