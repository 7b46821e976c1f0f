using Xunit;

namespace HostOps.Faults.Tests.Scenarios;

/// <summary>
/// One collection for every scenario: each runs a whole deployment (nats, API, agents) and times its recovery,
/// so they run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultScenarios
{
    public const string Name = "fault scenarios";
}
