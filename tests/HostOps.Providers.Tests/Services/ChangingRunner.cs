using HostOps.Providers.Commands;
using HostOps.Testing.Fakes;

namespace HostOps.Providers.Tests.Services;

/// <summary>
/// A <see cref="FakeCommandRunner"/> whose answer to <paramref name="reading"/> becomes <paramref name="after"/>
/// once <paramref name="action"/> ran, the way systemctl show reports a unit differently after systemctl start.
/// </summary>
internal sealed class ChangingRunner(FakeCommandRunner inner, string action, string reading, string after) : ICommandRunner
{
    public FakeCommandRunner Inner => inner;

    public async Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await inner.RunAsync(fileName, arguments, cancellationToken);
        if (new RecordedCommand(fileName, [.. arguments]).CommandLine == action)
        {
            inner.Answer(reading, after);
        }

        return result;
    }
}
