using System.Globalization;
using HostOps.Providers.Commands;

namespace HostOps.Providers.Power;

/// <summary>
/// Schedules a reboot or power-off and returns at once, so the agent answers before the host goes down. Where systemd
/// runs: a transient timer, <c>systemd-run --on-active=&lt;delay&gt;s --unit hostops-power-&lt;id&gt; systemctl reboot</c>
/// (or <c>poweroff</c>), exact to the second and cancelled with <c>systemctl stop hostops-power-&lt;id&gt;.timer</c>.
/// Elsewhere: <c>shutdown -r|-P -- +M</c>, which counts whole minutes, so the delay is rounded up to the next minute
/// (<c>shutdown -c</c> cancels). The message goes to systemctl's <c>--message</c> or shutdown's wall text. Never a
/// shell; nothing runs on a dry run; scheduling needs <see cref="HostChangeGuard"/>.
/// </summary>
[HostProvider]
public sealed class PowerScheduler(HostRoot root, ICommandRunner runner, HostChangeGuard guard)
{
    public const string UnitPrefix = "hostops-power-";

    public async Task<PowerSchedule> ScheduleAsync(PowerAction action, int delaySeconds, string? message, bool dryRun, CancellationToken cancellationToken)
    {
        var systemd = Directory.Exists(root.Resolve("/run/systemd/system"));
        var minutes = (delaySeconds + 59) / 60;
        var at = DateTimeOffset.UtcNow.AddSeconds(systemd ? delaySeconds : minutes * 60);
        var scheduled = new PowerSchedule(new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero), null);
        var what = action == PowerAction.Reboot ? "reboot" : "power-off";
        if (dryRun)
        {
            return scheduled;
        }

        guard.EnsureAllowed($"scheduling a {what} in {delaySeconds}s");
        if (systemd)
        {
            var unit = UnitPrefix + Guid.NewGuid().ToString("N")[..12];
            List<string> arguments =
            [
                $"--on-active={delaySeconds.ToString(CultureInfo.InvariantCulture)}s",
                "--timer-property=AccuracySec=1s",
                "--unit", unit,
                $"--description=HostOps scheduled {what}",
                "systemctl", action == PowerAction.Reboot ? "reboot" : "poweroff",
            ];
            if (!string.IsNullOrEmpty(message))
            {
                arguments.Add($"--message={message}");
            }

            await RunAsync("systemd-run", arguments, cancellationToken);
            return scheduled with { Unit = unit + ".timer" };
        }

        // "--" ends shutdown's options, so a message starting with "-" stays the wall text.
        List<string> shutdown = [action == PowerAction.Reboot ? "-r" : "-P", "--", "+" + minutes.ToString(CultureInfo.InvariantCulture)];
        if (!string.IsNullOrEmpty(message))
        {
            shutdown.Add(message);
        }

        await RunAsync("shutdown", shutdown, cancellationToken);
        return scheduled;
    }

    private async Task RunAsync(string program, List<string> arguments, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(program, arguments, cancellationToken);
        if (!result.Succeeded)
        {
            throw new HostProviderException($"{program} failed: {result.Reason}");
        }
    }
}
