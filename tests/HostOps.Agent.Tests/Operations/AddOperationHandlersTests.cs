using HostOps.Contracts.Operations;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Operations;

public sealed class AddOperationHandlersTests
{
    [Fact]
    public void Every_known_operation_has_exactly_one_handler()
    {
        using var host = new HandlerHost(FixtureMachine.Root("debian12"));

        foreach (var operation in OperationTypes.All)
        {
            host.Handler(operation).OperationType.ShouldBe(operation);
        }
    }

    [Fact]
    public async Task Handlers_run_on_this_machine_with_the_real_providers()
    {
        using var host = new HandlerHost(Providers.HostRoot.Default);

        // Whatever this machine is, a status answer names the agent and has an uptime.
        (await host.RunAsync(OperationTypes.StatusGet)).ShouldStartWith("""{"hostname":"agent-1","uptime":""");
    }
}
