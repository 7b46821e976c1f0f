using HostOps.Providers.Commands;

namespace HostOps.Providers.System;

/// <summary>
/// Sets the hostname and keeps it across reboots: through <c>hostnamectl set-hostname</c> where systemd runs, else
/// by writing <c>/etc/hostname</c> (replaced whole, never left half-written) and the kernel's
/// <c>/proc/sys/kernel/hostname</c>. Nothing is written when both already hold the name (<c>changed: false</c>), or
/// on a dry run; a change needs <see cref="HostChangeGuard"/>.
/// </summary>
[HostProvider]
public sealed class HostnameSetter(HostRoot root, ICommandRunner runner, HostChangeGuard guard, HostnameProvider hostnames)
{
    private const string PersistedPath = "/etc/hostname";
    private const string KernelPath = "/proc/sys/kernel/hostname";

    public async Task<HostnameChange> SetAsync(string name, bool dryRun, CancellationToken cancellationToken)
    {
        var previous = hostnames.Read();
        var changed = previous != name || Persisted() != name;
        if (!changed || dryRun)
        {
            return new HostnameChange(previous, dryRun ? previous : name, changed);
        }

        guard.EnsureAllowed($"setting the hostname to {name}");
        if (Directory.Exists(root.Resolve("/run/systemd/system")))
        {
            var result = await runner.RunAsync("hostnamectl", ["set-hostname", name], cancellationToken);
            if (!result.Succeeded)
            {
                throw new HostProviderException($"hostnamectl set-hostname failed: {result.Reason}");
            }
        }
        else
        {
            Write(PersistedPath, name + "\n", atomically: true);
            Write(KernelPath, name, atomically: false);
        }

        return new HostnameChange(previous, hostnames.Read(), true);
    }

    private string? Persisted()
    {
        var path = root.Resolve(PersistedPath);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    // /etc/hostname goes through a temporary file and a rename unless it is mounted over; a /proc file can only be written in place.
    private void Write(string path, string content, bool atomically)
    {
        var target = root.Resolve(path);
        try
        {
            if (!atomically)
            {
                File.WriteAllText(target, content);
                return;
            }

            var temporary = $"{target}.hostops-{Environment.ProcessId}";
            DurableFile.WriteAllText(temporary, content);
            try
            {
                DurableFile.Replace(temporary, target);
            }
            catch (IOException)
            {
                // A file mounted over (as containers mount /etc/hostname) cannot be replaced, only rewritten.
                File.Delete(temporary);
                File.WriteAllText(target, content);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostProviderException($"{path} cannot be written: {e.Message}", e);
        }
    }
}

/// <summary>The hostname before and after a set; <paramref name="Changed"/> is false when it already was the name.</summary>
public sealed record HostnameChange(string Previous, string Current, bool Changed);
