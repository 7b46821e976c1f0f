using System.Text.Json.Serialization;

namespace HostOps.Contracts.Operations.Logs;

/// <summary>The JSON of the log operations.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LogQueryRequest))]
[JsonSerializable(typeof(LogUnitRequest))]
[JsonSerializable(typeof(NodeResults<LogResult>))]
public sealed partial class LogJsonContext : JsonSerializerContext;
