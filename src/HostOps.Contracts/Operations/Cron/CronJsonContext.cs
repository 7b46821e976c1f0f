using System.Text.Json.Serialization;

namespace HostOps.Contracts.Operations.Cron;

/// <summary>The JSON of the cron operations.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NoInput))]
[JsonSerializable(typeof(CronRequest))]
[JsonSerializable(typeof(CronSetRequest))]
[JsonSerializable(typeof(CronDeleteRequest))]
[JsonSerializable(typeof(NodeResults<CronListResult>))]
[JsonSerializable(typeof(NodeResults<CronResult>))]
public sealed partial class CronJsonContext : JsonSerializerContext;
