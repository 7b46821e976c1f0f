namespace HostOps.Contracts.Operations.Power;

/// <summary>The rules of the power operations' input; every method returns an error naming the field, or null.</summary>
public static class PowerRules
{
    public const int MinDelay = 5;
    public const int DefaultDelay = 5;
    public const int MaxDelay = 3600;
    public const int MaxMessageLength = 200;

    public static string? Delay(string field, int? value) =>
        value is null or (>= MinDelay and <= MaxDelay) ? null : $"{field}: {value} is out of range ({MinDelay}-{MaxDelay} seconds)";

    /// <summary>Printable text only: it reaches the logs and every logged-in terminal.</summary>
    public static string? Message(string field, string? value) =>
        value is null ? null
        : value.Length > MaxMessageLength ? $"{field}: {value.Length} characters, the limit is {MaxMessageLength}"
        : value.Any(char.IsControl) ? $"{field}: must be printable (no control characters or line breaks)"
        : null;

    public static string? Validate(PowerRequest request) =>
        Delay("delay", request.Delay) ?? Message("message", request.Message);
}
