using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace HostOps.Cli.Hosting;

/// <summary>
/// What <c>hostops-agent install</c> puts on a host and <c>uninstall</c> takes away: the configuration file, the
/// state directory (mode 0700) and, where systemd runs, the <c>hostops-agent</c> unit, enabled and started. A
/// package ships the unit in <c>/usr/lib/systemd/system</c>; a copied binary gets it written to
/// <c>/etc/systemd/system</c>, pointing at itself.
/// </summary>
internal static class AgentInstallation
{
    public const string DefaultConfigFile = "/etc/hostops/agent.yaml";
    public const string DefaultDataDir = "/var/lib/hostops";
    public const string Unit = "hostops-agent.service";

    /// <summary>The first line of every file install writes; uninstall removes only files that carry it.</summary>
    public const string Mark = "# Written by hostops-agent install";

    private static readonly string[] PackagedUnits = [$"/usr/lib/systemd/system/{Unit}", $"/lib/systemd/system/{Unit}"];
    private static readonly string WrittenUnit = $"/etc/systemd/system/{Unit}";

    /// <summary>True when systemd manages this machine (sd_booted(3): <c>/run/systemd/system</c> exists).</summary>
    public static bool SystemdRuns => Directory.Exists("/run/systemd/system");

    /// <summary>Whether a package installed the unit or install wrote it.</summary>
    public static bool UnitInstalled => PackagedUnits.Append(WrittenUnit).Any(File.Exists);

    /// <summary>The configuration file's text: where the state lives and the labels this host serves.</summary>
    public static string ConfigText(string dataDir, IReadOnlyDictionary<string, string> labels)
    {
        var text = new StringBuilder()
            .AppendLine($"{Mark}; `hostops-agent uninstall` removes it. See docs/configuration.md.")
            .AppendLine($"data_dir: {dataDir}");
        if (labels.Count > 0)
        {
            text.AppendLine("job:").AppendLine("  worker:").AppendLine("    labels:");
            foreach (var (key, value) in labels)
            {
                text.AppendLine($"      {key}: \"{value}\"");
            }
        }

        return text.ToString();
    }

    /// <summary>Whether <paramref name="path"/> is missing or was written by install (so it may be replaced or removed).</summary>
    public static bool Ours(string path) => !File.Exists(path) || File.ReadLines(path).FirstOrDefault()?.StartsWith(Mark, StringComparison.Ordinal) == true;

    /// <summary>The unit that runs <paramref name="start"/> (<c>/opt/x/hostops-agent start</c> or <c>…/hostops agent start</c>) with <paramref name="configFile"/>.</summary>
    public static string UnitText(string start, string configFile)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Unit)
            ?? throw new InvalidOperationException($"{Unit} is not embedded in this build");
        using var reader = new StreamReader(stream);
        var unit = reader.ReadToEnd()
            .Replace("/usr/bin/hostops-agent start", start, StringComparison.Ordinal)
            .Replace(DefaultConfigFile, configFile, StringComparison.Ordinal);
        return $"{Mark} for {start}.\n{unit}";
    }

    /// <summary>Enables and starts the unit, writing it first unless a package installed it; the lines to show.</summary>
    public static async Task<IReadOnlyList<string>> EnableAsync(string start, string configFile, CancellationToken cancellationToken)
    {
        if (!PackagedUnits.Any(File.Exists))
        {
            await File.WriteAllTextAsync(WrittenUnit, UnitText(start, configFile), cancellationToken);
        }

        await SystemctlAsync(cancellationToken, "daemon-reload");
        await SystemctlAsync(cancellationToken, "enable", "--now", Unit);
        return [$"{Unit} is enabled and started; follow it with: journalctl -u hostops-agent -f"];
    }

    /// <summary>Stops and disables the unit, and removes it when install wrote it.</summary>
    public static async Task DisableAsync(CancellationToken cancellationToken)
    {
        await SystemctlAsync(cancellationToken, "disable", "--now", Unit);
        if (File.Exists(WrittenUnit) && Ours(WrittenUnit))
        {
            File.Delete(WrittenUnit);
            await SystemctlAsync(cancellationToken, "daemon-reload");
        }
    }

    private static async Task SystemctlAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("systemctl") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("systemctl did not start");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"systemctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {(await error).Trim()}");
        }
    }
}
