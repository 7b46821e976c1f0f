using System.Text.Json;

namespace HostOps.Contracts.Jobs;

/// <summary>What one host answered for a job.</summary>
public sealed record JobHostResponse(string Status, JsonElement? Data, string? Error, string Hostname);
