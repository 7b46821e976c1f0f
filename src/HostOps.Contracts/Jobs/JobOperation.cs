using System.Text.Json;

namespace HostOps.Contracts.Jobs;

/// <summary>What a job does: an operation type such as <c>system.hostname.get</c> and its input.</summary>
public sealed record JobOperation(string Type, JsonElement? Data = null);
