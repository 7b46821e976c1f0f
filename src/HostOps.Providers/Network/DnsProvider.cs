using HostOps.Contracts.Operations;
using HostOps.Providers.Commands;

namespace HostOps.Providers.Network;

/// <summary>
/// Reads an interface's DNS servers and search domains: from systemd-resolved through <c>resolvectl</c> when it
/// runs, else from <c>/etc/resolv.conf</c> (which is host-wide, so the interface only has to exist). The interface
/// goes after <c>--</c>, so no value can ever be read as an option.
/// </summary>
public sealed class DnsProvider(HostRoot root, ICommandRunner runner)
{
    public async Task<DnsSettings> ReadAsync(string interfaceName, CancellationToken cancellationToken)
    {
        // The handler validated already; checked again because the name becomes a process argument and a sysfs path.
        if (InputRules.InterfaceName("interface_name", interfaceName) is { } error)
        {
            throw new HostProviderException(error);
        }

        if (!ResolverLocation.UsesResolved(root))
        {
            ResolverLocation.EnsureInterfaceExists(root, interfaceName);
            return ResolvConf.Parse(HostFile.ReadAllText(root, ResolverLocation.ResolvConfPath));
        }

        var servers = await RunAsync("dns", interfaceName, cancellationToken);
        var domains = await RunAsync("domain", interfaceName, cancellationToken);
        return new DnsSettings(ResolvectlOutput.Servers(servers), ResolvectlOutput.SearchDomains(domains));
    }

    private async Task<string> RunAsync(string verb, string interfaceName, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(ResolverLocation.Resolvectl, [verb, ResolverLocation.EndOfOptions, interfaceName], cancellationToken);
        return result.Succeeded
            ? result.StandardOutput
            : throw new HostProviderException($"resolvectl {verb} {interfaceName} failed: {result.Reason}");
    }
}
