namespace HostOps.Client.Events;

/// <summary>One dispatched server-sent event: its <c>id</c> (the last one seen, as the spec carries it over), <c>event</c> name and <c>data</c>.</summary>
public sealed record ServerSentEvent(string? Id, string Event, string Data);
