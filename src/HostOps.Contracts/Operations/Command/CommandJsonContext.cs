using System.Text.Json.Serialization;

namespace HostOps.Contracts.Operations.Command;

/// <summary>The JSON of the command operations.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CommandExecRequest))]
[JsonSerializable(typeof(NodeResults<CommandExecResult>))]
public sealed partial class CommandJsonContext : JsonSerializerContext;
