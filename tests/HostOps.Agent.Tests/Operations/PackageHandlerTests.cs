using System.Text.Json;
using HostOps.Agent.Operations;
using HostOps.Testing.Fixtures;
using HostOps.Testing.Packages;
using Shouldly;
using Xunit;
using static HostOps.Testing.Packages.PackageCommandLines;

namespace HostOps.Agent.Tests.Operations;

/// <summary>The package handlers on the Debian 12 fixture host (fake apt and dpkg answering with captured outputs).</summary>
public sealed class PackageHandlerTests : IDisposable
{
    private readonly HandlerHost _host = DebianHost(allowed: true);

    [Fact]
    public async Task List_answers_the_matching_packages_and_their_count()
    {
        var item = await RunAsync("package.list.get", """{"pattern":"a*"}""");

        item.GetProperty("manager").GetString().ShouldBe("dpkg");
        item.GetProperty("truncated").GetBoolean().ShouldBeFalse();
        var packages = item.GetProperty("packages").EnumerateArray().ToList();
        item.GetProperty("total").GetInt32().ShouldBe(packages.Count);
        packages.ShouldAllBe(p => p.GetProperty("name").GetString()!.StartsWith('a'));
        packages[0].GetRawText().ShouldBe("""{"name":"adduser","version":"3.134","architecture":"all","summary":"add and remove users and groups"}""");
    }

    [Fact]
    public async Task Show_answers_installed_and_not_installed_packages()
    {
        (await RunRawAsync("package.detail.get", """{"name":"dpkg"}"""))
            .ShouldBe("""{"hostname":"agent-1","status":"ok","changed":false,"name":"dpkg","installed":true,"version":"1.21.22","candidate":"1.21.23","architecture":"amd64","summary":"Debian package management system"}""");
        (await RunRawAsync("package.detail.get", """{"name":"hello"}"""))
            .ShouldBe("""{"hostname":"agent-1","status":"ok","changed":false,"name":"hello","installed":false,"candidate":"2.10-3"}""");
    }

    [Fact]
    public async Task Install_is_changed_once_then_not()
    {
        (await RunRawAsync("package.install.do", """{"name":"hello"}"""))
            .ShouldBe("""{"hostname":"agent-1","status":"ok","changed":true,"name":"hello","version":"2.10-3"}""");
        (await RunRawAsync("package.install.do", """{"name":"hello"}"""))
            .ShouldBe("""{"hostname":"agent-1","status":"ok","changed":false,"name":"hello","previous":"2.10-3","version":"2.10-3"}""");

        _host.Commands.Calls.Count(c => c.CommandLine == AptInstall("hello")).ShouldBe(1);
    }

    [Fact]
    public async Task A_dry_run_install_changes_nothing()
    {
        (await RunAsync("package.install.do", """{"name":"hello","dry_run":true}""")).GetProperty("changed").GetBoolean().ShouldBeTrue();

        _host.Commands.Calls.ShouldNotContain(c => c.FileName == "apt-get" && c.Arguments[0] != "-s");
    }

    [Fact]
    public async Task Remove_is_changed_once_then_not()
    {
        await RunAsync("package.install.do", """{"name":"hello"}""");

        (await RunRawAsync("package.remove.do", """{"name":"hello"}"""))
            .ShouldBe("""{"hostname":"agent-1","status":"ok","changed":true,"name":"hello","previous":"2.10-3"}""");
        (await RunRawAsync("package.remove.do", """{"name":"hello"}"""))
            .ShouldBe("""{"hostname":"agent-1","status":"ok","changed":false,"name":"hello"}""");
    }

    [Fact]
    public async Task Updates_lists_the_pending_upgrades()
    {
        var updates = (await RunAsync("package.updates.get")).GetProperty("updates");

        updates.GetArrayLength().ShouldBe(142);
        updates[0].GetProperty("name").GetString().ShouldBe("base-files");
        updates[0].GetProperty("current_version").GetString().ShouldBe("12.4+deb12u11");
        updates[0].GetProperty("new_version").GetString().ShouldBe("12.4+deb12u15");
    }

    [Fact]
    public async Task Upgrade_with_nothing_pending_for_the_names_is_not_changed()
    {
        (await RunRawAsync("package.upgrade.do", """{"names":["hello"]}"""))
            .ShouldBe("""{"hostname":"agent-1","status":"ok","changed":false,"upgraded":[]}""");
        _host.Commands.Calls.ShouldNotContain(c => c.FileName == "apt-get" && c.Arguments[0] != "-s");
    }

    [Fact]
    public async Task Upgrade_of_a_named_package_upgrades_it()
    {
        var item = await RunAsync("package.upgrade.do", """{"names":["bash"]}""");

        item.GetProperty("changed").GetBoolean().ShouldBeTrue();
        item.GetProperty("upgraded").EnumerateArray().Select(u => $"{u.GetProperty("name")} {u.GetProperty("current_version")} {u.GetProperty("new_version")}")
            .ShouldBe(["bash 5.2.15-2+b8 5.2.15-2+b13"]);
        _host.Commands.Calls.ShouldContain(c => c.CommandLine == AptUpgradeOnly("bash"));
    }

    [Fact]
    public async Task Without_permission_a_change_fails_with_the_reason_and_changes_nothing()
    {
        using var refusing = DebianHost(allowed: false);

        var error = await Should.ThrowAsync<OperationFailedException>(() => refusing.RunAsync("package.remove.do", """{"name":"dpkg"}"""));

        error.Message.ShouldStartWith("removing package dpkg refused: host changes are disabled on this agent");
        refusing.Commands.Calls.ShouldNotContain(c => c.FileName == "apt-get");
    }

    [Theory]
    [InlineData("package.install.do", """{"name":"-y"}""", "name: '-y' is not a valid package name")]
    [InlineData("package.install.do", """{"name":"hello","version":"1 2"}""", "version: '1 2' is not a valid package version")]
    [InlineData("package.install.do", """{"version":"1"}""", "data.name: is required")]
    [InlineData("package.remove.do", """{"name":"hello;reboot"}""", "name: 'hello;reboot' is not a valid package name")]
    [InlineData("package.detail.get", """{"name":"../etc"}""", "name: '../etc' is not a valid package name")]
    [InlineData("package.list.get", """{"pattern":"[a]*"}""", "pattern: '[a]*' is not a valid pattern")]
    [InlineData("package.upgrade.do", """{"names":["bash","--all"]}""", "names[1]: '--all' is not a valid package name")]
    public async Task Bad_input_is_refused_before_anything_runs(string operation, string data, string error)
    {
        (await Should.ThrowAsync<OperationFailedException>(() => RunAsync(operation, data))).Message.ShouldContain(error);
        _host.Commands.Calls.ShouldBeEmpty();
    }

    public void Dispose() => _host.Dispose();

    private static HandlerHost DebianHost(bool allowed)
    {
        var host = new HandlerHost(FixtureMachine.Root(DebianPackageHost.Machine), allowed);
        host.Commands.AsDebianPackageHost();
        return host;
    }

    private Task<string> RunRawAsync(string operation, string? data = null) => _host.RunAsync(operation, data);

    private async Task<JsonElement> RunAsync(string operation, string? data = null) =>
        JsonDocument.Parse(await _host.RunAsync(operation, data)).RootElement.Clone();
}
