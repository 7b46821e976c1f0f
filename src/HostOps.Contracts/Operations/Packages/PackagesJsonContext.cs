using System.Text.Json.Serialization;

namespace HostOps.Contracts.Operations.Packages;

/// <summary>The JSON of the package operations.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NoInput))]
[JsonSerializable(typeof(PackageListRequest))]
[JsonSerializable(typeof(NodeResults<PackageListResult>))]
[JsonSerializable(typeof(PackageShowRequest))]
[JsonSerializable(typeof(NodeResults<PackageShowResult>))]
[JsonSerializable(typeof(PackageInstallRequest))]
[JsonSerializable(typeof(NodeResults<PackageInstallResult>))]
[JsonSerializable(typeof(PackageRemoveRequest))]
[JsonSerializable(typeof(NodeResults<PackageRemoveResult>))]
[JsonSerializable(typeof(NodeResults<PackageUpdatesResult>))]
[JsonSerializable(typeof(PackageUpgradeRequest))]
[JsonSerializable(typeof(NodeResults<PackageUpgradeResult>))]
public sealed partial class PackagesJsonContext : JsonSerializerContext;
