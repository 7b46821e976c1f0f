using System.Text.Json.Serialization;

namespace HostOps.Contracts.Operations.Files;

/// <summary>The JSON of the file operations.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FilePathRequest))]
[JsonSerializable(typeof(FileWriteRequest))]
[JsonSerializable(typeof(FileDeployRequest))]
[JsonSerializable(typeof(FileDeleteRequest))]
[JsonSerializable(typeof(NodeResults<FileStatResult>))]
[JsonSerializable(typeof(NodeResults<FileContentResult>))]
[JsonSerializable(typeof(NodeResults<FileWriteResult>))]
[JsonSerializable(typeof(NodeResults<FileDeleteResult>))]
public sealed partial class FileJsonContext : JsonSerializerContext;
