using System.Text;
using HostOps.Testing;
using Shouldly;
using Xunit;

namespace HostOps.EndToEnd.Tests.Packaging;

/// <summary>What the .debs of <c>./hostops package</c> hold: files, owners, modes, units, and no build paths.</summary>
public sealed class PackageContentsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hostops-deb-").FullName;

    [Fact]
    public async Task The_control_plane_deb_holds_the_binary_config_unit_and_a_private_state_dir_and_depends_on_nats_server()
    {
        Assert.SkipWhen(Packages.Missing() is not null, Packages.Missing() ?? "");
        var info = await Packages.RunAsync("dpkg-deb", "--info", Packages.Deb("hostops"));
        info.ShouldContain("Package: hostops\n");
        info.ShouldContain($"Version: {Repository.Version}\n");
        info.ShouldContain("Architecture: amd64");
        info.ShouldContain("Depends: nats-server");
        info.ShouldContain("postinst");

        var contents = Contents(await Packages.RunAsync("dpkg-deb", "--contents", Packages.Deb("hostops")));
        contents["./usr/bin/hostops"].ShouldBe("-rwxr-xr-x root/root");
        contents["./etc/hostops/hostops.yaml"].ShouldBe("-rw-r----- root/root");
        contents["./lib/systemd/system/hostops.service"].ShouldBe("-rw-r--r-- root/root");
        contents["./var/lib/hostops/"].ShouldBe("drwx------ root/root");
        contents.ShouldContainKey("./usr/share/doc/hostops/copyright");
        contents.Values.ShouldAllBe(owner => owner.EndsWith(" root/root", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_agent_deb_holds_the_native_agent_its_unit_and_a_private_state_dir()
    {
        Assert.SkipWhen(Packages.Missing() is not null, Packages.Missing() ?? "");
        var info = await Packages.RunAsync("dpkg-deb", "--info", Packages.Deb("hostops-agent"));
        info.ShouldContain("Package: hostops-agent\n");
        info.ShouldContain($"Version: {Repository.Version}\n");

        var contents = Contents(await Packages.RunAsync("dpkg-deb", "--contents", Packages.Deb("hostops-agent")));
        contents["./usr/bin/hostops-agent"].ShouldBe("-rwxr-xr-x root/root");
        contents["./lib/systemd/system/hostops-agent.service"].ShouldBe("-rw-r--r-- root/root");
        contents["./var/lib/hostops/"].ShouldBe("drwx------ root/root");
        contents.Keys.ShouldNotContain(path => path.StartsWith("./etc/", StringComparison.Ordinal), "install writes the agent's configuration");

        await Packages.ExtractAsync(Packages.Deb("hostops-agent"), _root);
        var version = await Packages.RunAsync(Path.Combine(_root, "usr/bin/hostops-agent"), "--version");
        version.Trim().Split('+')[0].ShouldBe(Repository.Version);
    }

    [Fact]
    public async Task No_file_in_either_deb_carries_the_path_it_was_built_in()
    {
        Assert.SkipWhen(Packages.Missing() is not null, Packages.Missing() ?? "");
        await Packages.ExtractAsync(Packages.Deb("hostops"), _root);
        await Packages.ExtractAsync(Packages.Deb("hostops-agent"), _root);
        var buildPath = Encoding.UTF8.GetBytes(Repository.Root);

        var carrying = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Where(file => File.ReadAllBytes(file).AsSpan().IndexOf(buildPath) >= 0)
            .Select(file => Path.GetRelativePath(_root, file))
            .ToList();

        carrying.ShouldBeEmpty();
    }

    [Fact]
    public async Task Both_units_pass_systemd_analyze_verify()
    {
        Assert.SkipWhen(Packages.Missing() is not null, Packages.Missing() ?? "");
        Assert.SkipUnless(Packages.Has("systemd-analyze"), "systemd-analyze is not installed");
        await Packages.ExtractAsync(Packages.Deb("hostops"), _root);
        await Packages.ExtractAsync(Packages.Deb("hostops-agent"), _root);
        var units = new List<string>();
        foreach (var unit in new[] { "hostops.service", "hostops-agent.service" })
        {
            // verify checks that ExecStart exists: point it at the unpacked binaries.
            var text = await File.ReadAllTextAsync(Path.Combine(_root, "lib/systemd/system", unit), TestContext.Current.CancellationToken);
            var copy = Path.Combine(_root, unit);
            await File.WriteAllTextAsync(copy, text.Replace("ExecStart=/usr/bin/", $"ExecStart={_root}/usr/bin/", StringComparison.Ordinal), TestContext.Current.CancellationToken);
            units.Add(copy);
        }

        var output = await Packages.RunAsync("systemd-analyze", ["verify", .. units]);

        output.Trim().ShouldBeEmpty();
    }

    [Fact]
    public async Task Lintian_finds_no_errors_when_it_is_installed()
    {
        Assert.SkipWhen(Packages.Missing() is not null, Packages.Missing() ?? "");
        Assert.SkipUnless(Packages.Has("lintian"), "lintian is not installed");
        foreach (var name in new[] { "hostops", "hostops-agent" })
        {
            var output = await Packages.RunAsync("lintian", "--no-tag-display-limit", Packages.Deb(name));
            output.Split('\n').Where(line => line.StartsWith("E:", StringComparison.Ordinal)).ShouldBeEmpty();
        }
    }

    // "-rw-r--r-- root/root  1919 2026-11-30 05:29 ./lib/systemd/system/hostops.service" → path: "mode owner".
    private static Dictionary<string, string> Contents(string listing) =>
        listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(fields => fields[^1], fields => $"{fields[0]} {fields[1]}", StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
