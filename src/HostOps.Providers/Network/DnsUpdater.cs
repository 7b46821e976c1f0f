using HostOps.Contracts.Operations;
using HostOps.Providers.Commands;

namespace HostOps.Providers.Network;

/// <summary>
/// Sets an interface's DNS servers and/or search domains (a null list is left alone, an empty one cleared):
/// through <c>resolvectl dns|domain -- IFACE …</c> (values after <c>--</c>, never read as options) when systemd-resolved runs, else by rewriting <c>/etc/resolv.conf</c>
/// atomically (temp file in the same directory, then rename) keeping its other lines. Nothing happens unless the
/// <see cref="HostChangeGuard"/> allows host changes.
/// </summary>
public sealed class DnsUpdater(HostRoot root, ICommandRunner runner, HostChangeGuard guard)
{
    public async Task UpdateAsync(
        string interfaceName,
        IReadOnlyList<string>? servers,
        IReadOnlyList<string>? searchDomains,
        CancellationToken cancellationToken)
    {
        // The handler validated already; checked again because these values become process arguments and file lines.
        var error = InputRules.Validate(new DnsUpdateRequest(interfaceName, servers, searchDomains));
        if (error is not null)
        {
            throw new HostProviderException(error);
        }

        guard.EnsureAllowed("DNS update");
        if (ResolverLocation.UsesResolved(root))
        {
            await RunAsync("dns", interfaceName, servers, cancellationToken);
            await RunAsync("domain", interfaceName, searchDomains, cancellationToken);
            return;
        }

        ResolverLocation.EnsureInterfaceExists(root, interfaceName);
        RewriteResolvConf(servers, searchDomains);
    }

    private async Task RunAsync(string verb, string interfaceName, IReadOnlyList<string>? values, CancellationToken cancellationToken)
    {
        if (values is null)
        {
            return;
        }

        var result = await runner.RunAsync(ResolverLocation.Resolvectl, [verb, ResolverLocation.EndOfOptions, interfaceName, .. values], cancellationToken);
        if (!result.Succeeded)
        {
            throw new HostProviderException($"resolvectl {verb} {interfaceName} failed: {result.Reason}");
        }
    }

    private void RewriteResolvConf(IReadOnlyList<string>? servers, IReadOnlyList<string>? searchDomains)
    {
        var path = root.Resolve(ResolverLocation.ResolvConfPath);

        // resolvconf and NetworkManager make /etc/resolv.conf a link: rewrite the file it points to, keep the link.
        if (File.Exists(path) && File.ResolveLinkTarget(path, returnFinalTarget: true) is { } target)
        {
            path = target.FullName;
        }

        var text = File.Exists(path) ? HostFile.ReadAllText(HostRoot.Default, path) : string.Empty;
        var temp = Path.Join(Path.GetDirectoryName(path), $".resolv.conf.hostops-{Guid.NewGuid():N}");
        try
        {
            DurableFile.WriteAllText(temp, ResolvConf.Rewrite(text, servers, searchDomains));
            if (File.Exists(path) && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
            }

            DurableFile.Replace(temp, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new HostProviderException($"{ResolverLocation.ResolvConfPath} cannot be written: {e.Message}", e);
        }
    }
}
