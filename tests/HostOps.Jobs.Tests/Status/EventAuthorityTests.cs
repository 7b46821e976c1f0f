using HostOps.Contracts.Jobs;
using HostOps.Jobs.Status;
using HostOps.Jobs.Store;
using Shouldly;
using Xunit;

namespace HostOps.Jobs.Tests.Status;

/// <summary>
/// An event counts only when the key it is stored under — which nats-server vouches for — was one the job lets its
/// writer use; what the event itself says (host, attempt, kind) must agree with that key.
/// </summary>
public sealed class EventAuthorityTests
{
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<string> Expected = ["web1", "Web2.example.com"];

    [Theory]
    // _any: one shared claim, whoever took it.
    [InlineData("_any", "events.{id}.1.started._", JobEventKind.Completed, 1, "web1", true)]
    [InlineData("_any", "events.{id}.1.started.web1", JobEventKind.Completed, 1, "web1", false)]
    // A host job: its claim ends in the target's token; the shared claim, or another host's, does not count.
    [InlineData("host.web1", "events.{id}.1.started.web1", JobEventKind.Completed, 1, "web1", true)]
    [InlineData("host.web1", "events.{id}.1.started.web1", JobEventKind.Started, 1, "WEB1", true)]
    [InlineData("host.web1", "events.{id}.1.started._", JobEventKind.Completed, 1, "web1", false)]
    [InlineData("host.web1", "events.{id}.1.started.web2", JobEventKind.Completed, 1, "web1", false)]
    [InlineData("host.web1", "events.{id}.1.started.web2", JobEventKind.Completed, 1, "web2", false)]
    [InlineData("host.web1", "events.{id}.1.dlq.web2", JobEventKind.Dlq, 1, "web2", false)]
    [InlineData("host.web1", "events.{id}.1.dlq.web1", JobEventKind.Dlq, 1, "web1", true)]
    // A broadcast: each expected host's own claim; not a host it did not expect, nor a claim in another's name.
    [InlineData("_all", "events.{id}.1.started.web1", JobEventKind.Completed, 1, "web1", true)]
    [InlineData("_all", "events.{id}.1.started.Web2_example_com", JobEventKind.Failed, 1, "Web2.example.com", true)]
    [InlineData("label.group.web", "events.{id}.1.started.web3", JobEventKind.Completed, 1, "web3", false)]
    [InlineData("label.group.web", "events.{id}.1.started.web3", JobEventKind.Completed, 1, "web1", false)]
    [InlineData("label.group.web", "events.{id}.1.started._", JobEventKind.Completed, 1, "web1", false)]
    [InlineData("_all", "events.{id}.1.dlq.web3", JobEventKind.Dlq, 1, "web3", false)]
    // The event must agree with its key: attempt, kind, host.
    [InlineData("host.web1", "events.{id}.1.started.web1", JobEventKind.Completed, 9, "web1", false)]
    [InlineData("host.web1", "events.{id}.1.started.web1", JobEventKind.Retried, 1, "web1", false)]
    [InlineData("host.web1", "events.{id}.1.completed.web1", JobEventKind.Completed, 1, "web1", false)]
    [InlineData("_any", "events.{id}.1.dlq.web1", JobEventKind.Dlq, 1, "web2", false)]
    // What only the API writes: retried and host-less dead letters under "_", which no agent may write.
    [InlineData("host.web1", "events.{id}.2.retried._", JobEventKind.Retried, 2, null, true)]
    [InlineData("host.web1", "events.{id}.2.retried.web1", JobEventKind.Retried, 2, null, false)]
    [InlineData("host.web1", "events.{id}.1.dlq._", JobEventKind.Dlq, 1, null, true)]
    public void An_event_counts_only_under_a_key_the_job_allows(string route, string key, string kind, int attempt, string? hostname, bool admitted)
    {
        JobEventKey.TryParse(key.Replace("{id}", Id.ToString("D"), StringComparison.Ordinal), out var parsed).ShouldBeTrue();
        var broadcast = route is "_all" || route.StartsWith("label.", StringComparison.Ordinal);

        EventAuthority.Admits(route, broadcast ? Expected : null, parsed, new JobEvent(kind, attempt, T0, hostname)).ShouldBe(admitted);
    }

    [Theory]
    [InlineData("jobs._any.{id}")]
    [InlineData("events.{id}.1.started")]
    [InlineData("events.{id}.x.started.web1")]
    [InlineData("events.not-a-guid.1.started.web1")]
    [InlineData("events.{id}.1.started.web1.extra")]
    public void Only_a_well_formed_event_key_parses(string key) =>
        JobEventKey.TryParse(key.Replace("{id}", Id.ToString("D"), StringComparison.Ordinal), out _).ShouldBeFalse();

    [Theory]
    [InlineData("_any", "web1", "_")]
    [InlineData("host.web1", "WEB1", "web1")]
    [InlineData("_all", "Web2.example.com", "Web2_example_com")]
    [InlineData("label.group.web.dev", "web1", "web1")]
    public void A_claim_ends_in_the_token_its_route_gives(string route, string hostname, string host) =>
        JobKeys.Claim(Id, 3, route, hostname).ShouldBe($"events.{Id:D}.3.started.{host}");
}
