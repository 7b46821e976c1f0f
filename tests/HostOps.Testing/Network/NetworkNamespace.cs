using System.Diagnostics;
using System.Globalization;

namespace HostOps.Testing.Network;

/// <summary>
/// Another "host" for a test: a network namespace joined to this one by a veth pair on its own /30
/// (10.231.N.1 here, 10.231.N.2 inside), removed again on dispose. Needs root and iproute2; traffic goes only
/// between the two ends.
/// </summary>
public sealed class NetworkNamespace : IDisposable
{
    private readonly string _hostLink;

    private NetworkNamespace(string name, string hostLink, string hostAddress, string innerAddress)
    {
        Name = name;
        _hostLink = hostLink;
        HostAddress = hostAddress;
        InnerAddress = innerAddress;
    }

    public string Name { get; }

    /// <summary>This side's address, which the namespace reaches.</summary>
    public string HostAddress { get; }

    public string InnerAddress { get; }

    /// <summary>Runs a program inside the namespace: put these words in front of it.</summary>
    public string[] Exec => [IpTool!, "netns", "exec", Name];

    /// <summary>Why namespaces cannot be made here (not root, no iproute2); null when they can.</summary>
    public static string? Unsupported =>
        !Environment.IsPrivilegedProcess
            ? "network namespaces need root (CI runs as root)"
            : IpTool is null ? "iproute2 (ip) is not installed" : null;

    private static string? IpTool { get; } = new[] { "/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip" }.FirstOrDefault(File.Exists);

    public static NetworkNamespace Create()
    {
        var id = Random.Shared.Next(1, 255);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = $"hostops-{suffix}";
        var (hostLink, innerLink) = ($"hoh{suffix}", $"hon{suffix}");
        var (hostAddress, innerAddress) = ($"10.231.{id.ToString(CultureInfo.InvariantCulture)}.1", $"10.231.{id.ToString(CultureInfo.InvariantCulture)}.2");
        var created = new NetworkNamespace(name, hostLink, hostAddress, innerAddress);
        try
        {
            Ip("netns", "add", name);
            Ip("link", "add", hostLink, "type", "veth", "peer", "name", innerLink);
            Ip("link", "set", innerLink, "netns", name);
            Ip("addr", "add", $"{hostAddress}/30", "dev", hostLink);
            Ip("link", "set", hostLink, "up");
            Ip("netns", "exec", name, IpTool!, "addr", "add", $"{innerAddress}/30", "dev", innerLink);
            Ip("netns", "exec", name, IpTool!, "link", "set", innerLink, "up");
            Ip("netns", "exec", name, IpTool!, "link", "set", "lo", "up");
            return created;
        }
        catch
        {
            created.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        TryIp("link", "del", _hostLink);
        TryIp("netns", "del", Name);
    }

    private static void Ip(params string[] args)
    {
        var (code, output) = Run(args);
        if (code != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', args)} failed ({code}): {output}");
        }
    }

    private static void TryIp(params string[] args) => Run(args);

    private static (int Code, string Output) Run(string[] args)
    {
        var info = new ProcessStartInfo(IpTool!) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim());
    }
}
