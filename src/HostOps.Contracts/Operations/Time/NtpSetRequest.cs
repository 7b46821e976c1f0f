namespace HostOps.Contracts.Operations.Time;

/// <summary>Input of <c>ntp.set.do</c>: the servers the host's NTP client uses.</summary>
public sealed record NtpSetRequest : ChangeRequest
{
    public required IReadOnlyList<string> Servers { get; init; }
}
