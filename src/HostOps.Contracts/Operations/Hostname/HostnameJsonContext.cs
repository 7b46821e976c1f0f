using System.Text.Json.Serialization;

namespace HostOps.Contracts.Operations.Hostname;

/// <summary>The JSON of the hostname operations (each area has its own context, so adding one edits no shared list).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HostnameSetRequest))]
[JsonSerializable(typeof(NodeResults<HostnameSetResult>))]
public sealed partial class HostnameJsonContext : JsonSerializerContext;
