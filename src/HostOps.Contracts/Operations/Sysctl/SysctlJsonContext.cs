using System.Text.Json.Serialization;

namespace HostOps.Contracts.Operations.Sysctl;

/// <summary>The JSON of the sysctl operations.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SysctlListRequest))]
[JsonSerializable(typeof(SysctlRequest))]
[JsonSerializable(typeof(SysctlSetRequest))]
[JsonSerializable(typeof(SysctlDeleteRequest))]
[JsonSerializable(typeof(NodeResults<SysctlListResult>))]
[JsonSerializable(typeof(NodeResults<SysctlResult>))]
public sealed partial class SysctlJsonContext : JsonSerializerContext;
