using System.Text.Json.Serialization;

namespace HostOps.Contracts.Operations.Power;

/// <summary>The JSON of the power operations.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PowerRequest))]
[JsonSerializable(typeof(NodeResults<PowerResult>))]
public sealed partial class PowerJsonContext : JsonSerializerContext;
