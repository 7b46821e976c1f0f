namespace HostOps.Jobs.Status;

/// <summary>
/// The event that decides where one host stands on the current attempt: its hostname, its kind (one of
/// <see cref="HostOps.Contracts.Jobs.JobEventKind"/>) and its time in UTC ticks. Error and duration stay in the
/// event itself and are read when a job is shown.
/// </summary>
public readonly record struct HostMark(string Hostname, string Kind, long Ticks);
