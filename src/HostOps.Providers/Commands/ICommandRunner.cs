namespace HostOps.Providers.Commands;

/// <summary>
/// Runs a program with an argument list, never through a shell, so no input can become shell syntax.
/// Tests swap in a fake that records the argument lists; only the real runner changes the host.
/// </summary>
public interface ICommandRunner
{
    /// <summary>Runs <paramref name="fileName"/> to completion; throws <see cref="HostProviderException"/> when it cannot start or times out.</summary>
    Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="fileName"/> with the environment and time limit of <paramref name="options"/>.</summary>
    Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CommandOptions options, CancellationToken cancellationToken);
}
