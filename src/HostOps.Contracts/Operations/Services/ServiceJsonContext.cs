using System.Text.Json.Serialization;

namespace HostOps.Contracts.Operations.Services;

/// <summary>The JSON of the service operations.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ServiceListRequest))]
[JsonSerializable(typeof(ServiceRequest))]
[JsonSerializable(typeof(ServiceActionRequest))]
[JsonSerializable(typeof(NodeResults<ServiceListResult>))]
[JsonSerializable(typeof(NodeResults<ServiceDetailResult>))]
[JsonSerializable(typeof(NodeResults<ServiceActionResult>))]
public sealed partial class ServiceJsonContext : JsonSerializerContext;
