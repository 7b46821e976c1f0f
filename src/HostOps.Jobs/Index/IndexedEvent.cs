using System.Text.Json.Serialization;
using HostOps.Contracts.Jobs;

namespace HostOps.Jobs.Index;

/// <summary>
/// The part of a stored <see cref="JobEvent"/> the index folds in: a terminal event also carries the host's response,
/// which the index never needs, so it is skipped while reading instead of copied for every completed job.
/// </summary>
internal sealed record IndexedEvent(string Kind, int Attempt, DateTimeOffset Timestamp, string? Hostname = null)
{
    public JobEvent ToEvent() => new(Kind, Attempt, Timestamp, Hostname);
}

/// <summary>Reads <see cref="IndexedEvent"/> with the naming of the shared contracts' JSON context.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(IndexedEvent))]
internal sealed partial class IndexedEventJsonContext : JsonSerializerContext;
