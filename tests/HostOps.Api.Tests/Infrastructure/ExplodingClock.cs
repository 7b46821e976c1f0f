namespace HostOps.Api.Tests.Infrastructure;

/// <summary>A clock that can be told to throw, to drive an unexpected exception through a real endpoint.</summary>
public sealed class ExplodingClock : TimeProvider
{
    public bool Explode { get; set; }

    public override DateTimeOffset GetUtcNow() =>
        Explode ? throw new InvalidOperationException("System.Secret internal detail at /etc/hostops") : base.GetUtcNow();
}
