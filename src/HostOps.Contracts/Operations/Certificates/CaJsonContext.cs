using System.Text.Json.Serialization;

namespace HostOps.Contracts.Operations.Certificates;

/// <summary>The JSON of the trusted-CA operations.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NoInput))]
[JsonSerializable(typeof(CaAddRequest))]
[JsonSerializable(typeof(CaRemoveRequest))]
[JsonSerializable(typeof(NodeResults<CaListResult>))]
[JsonSerializable(typeof(NodeResults<CaResult>))]
public sealed partial class CaJsonContext : JsonSerializerContext;
