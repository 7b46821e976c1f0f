using HostOps.Contracts.Operations.Services;
using HostOps.Providers.Commands;

namespace HostOps.Providers.Services;

/// <summary>
/// Runs <c>systemctl</c> for the service providers: only where systemd runs (<c>/run/systemd/system</c> exists),
/// unit names checked again and always after <c>--</c>, so none is read as an option.
/// </summary>
[HostProvider]
public sealed class Systemctl(HostRoot root, ICommandRunner runner)
{
    /// <summary>The <c>.service</c> unit of a checked name (<c>nginx</c> → <c>nginx.service</c>); a bad name is refused.</summary>
    public static string ServiceUnit(string name) =>
        ServiceRules.ServiceName("name", name) is { } error ? throw new HostProviderException(error) : ServiceRules.ServiceUnit(name);

    /// <summary>The states of <paramref name="units"/>, by <c>systemctl show</c>.</summary>
    public async Task<IReadOnlyList<ServiceState>> ShowAsync(IReadOnlyList<string> units, CancellationToken cancellationToken) =>
        units.Count == 0
            ? []
            : SystemctlOutput.Show(await RunAsync(["show", $"--property={SystemctlOutput.ShowProperties}", "--no-pager", "--", .. units], cancellationToken));

    /// <summary>The state of one unit; a unit systemd does not know is refused.</summary>
    public async Task<ServiceState> ShowAsync(string unit, CancellationToken cancellationToken)
    {
        var states = await ShowAsync([unit], cancellationToken);
        var state = states.Count > 0 ? states[0] : throw new HostProviderException($"systemctl show {unit} printed no properties");
        return state.LoadState == "not-found" ? throw new HostProviderException($"{unit} not found") : state;
    }

    /// <summary>Runs <c>systemctl ARGS</c>; a failure is refused with systemctl's own reason.</summary>
    public async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root.Resolve("/run/systemd/system")))
        {
            throw new HostProviderException("systemd is not running on this host");
        }

        var result = await runner.RunAsync("systemctl", arguments, cancellationToken);
        return result.Succeeded
            ? result.StandardOutput
            : throw new HostProviderException($"systemctl {string.Join(' ', arguments.Where(a => !a.StartsWith("--", StringComparison.Ordinal)))} failed: {result.Reason}");
    }
}
