using HostOps.Providers.Commands;

namespace HostOps.Providers.Users;

/// <summary>
/// Runs the shadow-utils tools (useradd, usermod, userdel, chpasswd, groupadd, groupmod, groupdel, gpasswd) with an argument
/// list; a failure is refused with the tool's own first line (<c>useradd: group 'x' does not exist</c>).
/// </summary>
[HostProvider]
public sealed class AccountTool(ICommandRunner runner)
{
    public Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(tool, arguments, CommandOptions.None, cancellationToken);

    public async Task RunAsync(string tool, IReadOnlyList<string> arguments, CommandOptions options, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(tool, arguments, options, cancellationToken);
        if (!result.Succeeded)
        {
            throw new HostProviderException($"{tool} failed: {result.Reason}");
        }
    }
}
