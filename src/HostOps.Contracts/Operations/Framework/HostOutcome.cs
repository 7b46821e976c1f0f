using System.Text.Json.Serialization;

namespace HostOps.Contracts.Operations;

/// <summary>
/// The fields every host's item of a declared operation starts with: <c>{hostname, status, changed, error, …data}</c>.
/// Each operation's result record derives from it and adds its data. <see cref="Changed"/> is true only when the
/// host was changed (or, for a dry run, would be). They are ordered first: System.Text.Json would write a derived
/// record's own properties before its base's.
/// </summary>
public record HostOutcome
{
    [JsonPropertyOrder(-1)]
    public string Hostname { get; init; } = "";

    /// <summary><see cref="OutcomeStatus.Ok"/>, <see cref="OutcomeStatus.Failed"/> or <see cref="OutcomeStatus.Skipped"/>.</summary>
    [JsonPropertyOrder(-1)]
    public string Status { get; init; } = OutcomeStatus.Ok;

    [JsonPropertyOrder(-1)]
    public bool Changed { get; init; }

    [JsonPropertyOrder(-1)]
    public string? Error { get; init; }
}

/// <summary>The values of <see cref="HostOutcome.Status"/>.</summary>
public static class OutcomeStatus
{
    public const string Ok = "ok";
    public const string Failed = "failed";

    /// <summary>The host had nothing to do for this operation (e.g. a tool it does not have).</summary>
    public const string Skipped = "skipped";
}
