using System.Text.Json.Serialization;

namespace HostOps.Contracts.Operations.Time;

/// <summary>The JSON of the time zone and NTP operations.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NoInput))]
[JsonSerializable(typeof(TimezoneSetRequest))]
[JsonSerializable(typeof(NtpSetRequest))]
[JsonSerializable(typeof(NodeResults<TimezoneResult>))]
[JsonSerializable(typeof(NodeResults<NtpResult>))]
public sealed partial class TimeJsonContext : JsonSerializerContext;
