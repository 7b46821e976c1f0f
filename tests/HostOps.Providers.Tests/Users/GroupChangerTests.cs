using HostOps.Contracts.Operations.Users;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Users;

public sealed class GroupChangerTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_members_in_another_order_change_nothing()
    {
        using var host = new AccountMachine();

        var change = await host.Groups.UpdateAsync(new GroupChangeRequest { Name = "sudo", Members = ["deploy", "cloudsdk"], Gid = 27 }, Ct);

        change.Changed.ShouldBeFalse();
        host.Commands.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Members_are_set_exactly_with_gpasswd_and_the_gid_with_groupmod()
    {
        using var host = new AccountMachine();
        host.AfterRunReplace("/etc/group", "sudo:x:27:cloudsdk,deploy", "sudo:x:27:deploy");

        var change = await host.Groups.UpdateAsync(new GroupChangeRequest { Name = "sudo", Members = ["deploy"], Gid = 2700 }, Ct);

        change.Changed.ShouldBeTrue();
        host.CommandLines.ShouldBe(["groupmod -g 2700 sudo", "gpasswd -M deploy sudo"]);
    }

    [Fact]
    public async Task An_empty_member_list_removes_every_member()
    {
        using var host = new AccountMachine();

        (await host.Groups.UpdateAsync(new GroupChangeRequest { Name = "adm", Members = [], DryRun = true }, Ct)).Group.ShouldNotBeNull().Members.ShouldBeEmpty();
        await host.Groups.UpdateAsync(new GroupChangeRequest { Name = "adm", Members = [] }, Ct);

        host.Commands.Calls.ShouldHaveSingleItem().Arguments.ShouldBe(["-M", "", "adm"]);
    }

    [Fact]
    public async Task Create_runs_groupadd_then_gpasswd_and_an_existing_group_is_updated()
    {
        using var host = new AccountMachine();
        host.Commands.AfterRun = _ => host.Machine.Write("/etc/group", host.Machine.Read("/etc/group").Replace("\ndeployers:x:2000:\n", "\n", StringComparison.Ordinal) + "deployers:x:2000:\n");

        var change = await host.Groups.CreateAsync(new GroupChangeRequest { Name = "deployers", Gid = 2000, Members = ["deploy", "root"] }, Ct);
        var again = await host.Groups.CreateAsync(new GroupChangeRequest { Name = "deployers", Gid = 2000 }, Ct);

        change.Changed.ShouldBeTrue();
        again.Changed.ShouldBeFalse();
        host.CommandLines.ShouldBe(["groupadd -g 2000 deployers", "gpasswd -M deploy,root deployers"]);
    }

    [Fact]
    public async Task Delete_runs_groupdel_and_a_missing_group_is_unchanged()
    {
        using var host = new AccountMachine();

        (await host.Groups.DeleteAsync("ghost", dryRun: false, Ct)).Changed.ShouldBeFalse();
        (await host.Groups.DeleteAsync("adm", dryRun: true, Ct)).Changed.ShouldBeTrue();
        (await host.Groups.DeleteAsync("adm", dryRun: false, Ct)).Changed.ShouldBeTrue();

        host.CommandLines.ShouldBe(["groupdel adm"]);
    }

    [Fact]
    public async Task A_tool_failure_is_refused_with_the_tools_reason()
    {
        using var host = new AccountMachine().Fails("gpasswd -M ghost adm", 3, "gpasswd-missing.txt");

        var error = await Should.ThrowAsync<HostProviderException>(() => host.Groups.UpdateAsync(new GroupChangeRequest { Name = "adm", Members = ["ghost"] }, Ct));

        error.Message.ShouldBe("gpasswd failed: gpasswd: group 'hostops-nosuch' does not exist in /etc/group");
    }

    [Fact]
    public async Task Without_permission_for_host_changes_nothing_runs()
    {
        using var host = new AccountMachine(hostChangesAllowed: false);

        await Should.ThrowAsync<HostProviderException>(() => host.Groups.DeleteAsync("adm", dryRun: false, Ct));

        host.Commands.Calls.ShouldBeEmpty();
    }
}
