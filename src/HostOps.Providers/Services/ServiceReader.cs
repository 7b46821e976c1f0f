using HostOps.Contracts.Operations.Services;

namespace HostOps.Providers.Services;

/// <summary>
/// Reads services: the list is every service systemd has loaded (<c>list-units --all</c>) and every installed one
/// (<c>list-unit-files</c>, which may not be loaded), their states read in one <c>systemctl show</c>.
/// </summary>
[HostProvider]
public sealed class ServiceReader(Systemctl systemctl)
{
    /// <summary>The services, by name; <paramref name="state"/> and <paramref name="pattern"/> filter when given.</summary>
    public async Task<IReadOnlyList<ServiceState>> ListAsync(string? state, string? pattern, CancellationToken cancellationToken)
    {
        var error = ServiceRules.ActiveState("state", state) ?? ServiceRules.Pattern("pattern", pattern);
        if (error is not null)
        {
            throw new HostProviderException(error);
        }

        var loaded = await systemctl.RunAsync(["list-units", "--type=service", "--all", "--plain", "--no-legend", "--no-pager", "--full"], cancellationToken);
        var files = await systemctl.RunAsync(["list-unit-files", "--type=service", "--no-legend", "--no-pager"], cancellationToken);
        var names = SystemctlOutput.ListedUnits(loaded).Concat(SystemctlOutput.UnitFiles(files))
            .Where(name => pattern is null || ServiceRules.Matches(pattern, name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var states = await systemctl.ShowAsync(names, cancellationToken);
        return [.. states.DistinctBy(s => s.Name, StringComparer.Ordinal)
            .Where(s => state is null || s.ActiveState == state)
            .OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>One service (<c>nginx</c> or <c>nginx.service</c>); an unknown one is refused.</summary>
    public Task<ServiceState> ShowAsync(string name, CancellationToken cancellationToken) =>
        systemctl.ShowAsync(Systemctl.ServiceUnit(name), cancellationToken);
}
