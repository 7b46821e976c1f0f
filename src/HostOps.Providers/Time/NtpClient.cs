using HostOps.Contracts.Operations.Time;
using HostOps.Providers.Commands;
using HostOps.Providers.Services;

namespace HostOps.Providers.Time;

/// <summary>
/// The host's NTP client: chrony where its configuration exists (<c>/etc/chrony/chrony.conf</c>), else
/// systemd-timesyncd where systemd runs. Servers are set in a HostOps drop-in, never in the client's own file:
/// <c>/etc/chrony/sources.d/hostops.sources</c> then <c>chronyc reload sources</c> (chrony.conf must name that
/// sourcedir, as Debian's does), or <c>/etc/systemd/timesyncd.conf.d/hostops.conf</c> then a restart of
/// systemd-timesyncd. The same servers already there change nothing; a dry run writes nothing; a change needs
/// <see cref="HostChangeGuard"/>.
/// </summary>
[HostProvider]
public sealed class NtpClient(HostRoot root, ICommandRunner runner, HostChangeGuard guard, Systemctl systemctl)
{
    public const string Chrony = "chrony";
    public const string Timesyncd = "systemd-timesyncd";

    private const string ChronyConf = "/etc/chrony/chrony.conf";
    private const string ChronySources = "/etc/chrony/sources.d/hostops.sources";
    private const string TimesyncdDropIn = "/etc/systemd/timesyncd.conf.d/hostops.conf";

    public async Task<NtpResult> ReadAsync(CancellationToken cancellationToken)
    {
        if (Service() == Chrony)
        {
            return NtpOutput.Chrony(await RunAsync("chronyc", ["-c", "tracking"], cancellationToken), await RunAsync("chronyc", ["-c", "sources"], cancellationToken));
        }

        return NtpOutput.Timesyncd(
            await RunAsync("timedatectl", ["show", "--property=NTPSynchronized", "--value"], cancellationToken),
            await RunAsync("timedatectl", ["show-timesync"], cancellationToken),
            await RunAsync("timedatectl", ["timesync-status"], cancellationToken));
    }

    public async Task<NtpResult> SetAsync(IReadOnlyList<string> servers, bool dryRun, CancellationToken cancellationToken)
    {
        var service = Service();
        var (path, content) = service == Chrony
            ? (ChronySources, "# NTP servers set by HostOps (PUT /ntp).\n" + string.Concat(servers.Select(s => $"server {s} iburst\n")))
            : (TimesyncdDropIn, $"# NTP servers set by HostOps (PUT /ntp).\n[Time]\nNTP={string.Join(' ', servers)}\n");
        var changed = HostFile.ReadIfExists(root, path) != content;
        if (changed && !dryRun)
        {
            guard.EnsureAllowed($"setting the NTP servers of {service}");
            if (service == Chrony && !HostFile.ReadAllText(root, ChronyConf).Contains("sourcedir /etc/chrony/sources.d", StringComparison.Ordinal))
            {
                throw new HostProviderException($"{ChronyConf} has no 'sourcedir /etc/chrony/sources.d' line, so chrony would not read {ChronySources}");
            }

            HostFile.WriteAtomically(root, path, content, HostFile.Readable);
            if (service == Chrony)
            {
                await RunAsync("chronyc", ["reload", "sources"], cancellationToken);
            }
            else
            {
                await systemctl.RunAsync(["restart", "--no-ask-password", "--", "systemd-timesyncd.service"], cancellationToken);
            }
        }

        return new NtpResult { Changed = changed, Service = service, Servers = servers };
    }

    private string Service() =>
        File.Exists(root.Resolve(ChronyConf)) ? Chrony
        : Directory.Exists(root.Resolve("/run/systemd/system")) ? Timesyncd
        : throw new HostProviderException($"no NTP client found: neither chrony ({ChronyConf}) nor systemd-timesyncd (systemd is not running)");

    private async Task<string> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(tool, arguments, cancellationToken);
        return result.Succeeded ? result.StandardOutput : throw new HostProviderException($"{tool} {string.Join(' ', arguments)} failed: {result.Reason}");
    }
}
