using System.Text.Json.Serialization;

namespace HostOps.Contracts.Operations;

public sealed record LoadAverage(
    [property: JsonPropertyName("1min")] double OneMinute,
    [property: JsonPropertyName("5min")] double FiveMinutes,
    [property: JsonPropertyName("15min")] double FifteenMinutes);
