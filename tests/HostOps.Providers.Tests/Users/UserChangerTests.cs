using HostOps.Contracts.Operations.Users;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Users;

public sealed class UserChangerTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Attributes_the_user_has_change_nothing_and_run_nothing()
    {
        using var host = new AccountMachine();

        var change = await host.Users.UpdateAsync(new UserChangeRequest { Name = "deploy", Shell = "/bin/bash", Groups = ["sudo", "adm"], Locked = false }, Ct);

        change.Changed.ShouldBeFalse();
        change.User.ShouldNotBeNull().Name.ShouldBe("deploy");
        host.Commands.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_update_runs_usermod_with_only_what_differs()
    {
        using var host = new AccountMachine();
        host.AfterRunReplace("/etc/passwd", "/home/deploy:/bin/bash", "/home/deploy:/bin/sh");

        var change = await host.Users.UpdateAsync(new UserChangeRequest { Name = "deploy", Shell = "/bin/sh", Home = "/home/deploy", Groups = ["adm"], Locked = true }, Ct);

        change.Changed.ShouldBeTrue();
        change.User.ShouldNotBeNull().Shell.ShouldBe("/bin/sh");
        host.CommandLines.ShouldBe(["usermod -G adm -s /bin/sh -L deploy"]);
    }

    [Fact]
    public async Task A_dry_run_answers_the_user_as_it_would_be_and_runs_nothing_even_where_changes_are_refused()
    {
        using var host = new AccountMachine(hostChangesAllowed: false);

        var change = await host.Users.UpdateAsync(new UserChangeRequest { Name = "deploy", Shell = "/bin/sh", DryRun = true }, Ct);

        change.Changed.ShouldBeTrue();
        change.User.ShouldNotBeNull().Shell.ShouldBe("/bin/sh");
        host.Commands.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_permission_for_host_changes_nothing_runs()
    {
        using var host = new AccountMachine(hostChangesAllowed: false);

        var error = await Should.ThrowAsync<HostProviderException>(() => host.Users.CreateAsync(new UserChangeRequest { Name = "newbie" }, Ct));

        error.Message.ShouldStartWith("creating user newbie refused: host changes are disabled on this agent");
        host.Commands.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_runs_useradd_with_a_home_and_locks_when_asked()
    {
        using var host = new AccountMachine();
        host.Commands.AfterRun = _ => host.Machine.Write("/etc/passwd", host.Machine.Read("/etc/passwd") + "newbie:x:1002:1002::/home/newbie:/bin/bash\n");

        var change = await host.Users.CreateAsync(new UserChangeRequest { Name = "newbie", Shell = "/bin/bash", Groups = ["adm", "sudo"], Comment = "New Bie", Locked = true }, Ct);

        change.Changed.ShouldBeTrue();
        change.User.ShouldNotBeNull().Uid.ShouldBe(1002);
        host.CommandLines.ShouldBe(["useradd -m -G adm,sudo -s /bin/bash -c New Bie newbie", "usermod -L newbie"]);
        host.Commands.Calls[0].Arguments.ShouldContain("New Bie");
    }

    [Fact]
    public async Task Creating_a_user_that_exists_with_those_attributes_is_unchanged()
    {
        using var host = new AccountMachine();

        var change = await host.Users.CreateAsync(new UserChangeRequest { Name = "deploy", Shell = "/bin/bash" }, Ct);

        change.Changed.ShouldBeFalse();
        host.Commands.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_dry_run_create_predicts_the_new_user()
    {
        using var host = new AccountMachine();

        var change = await host.Users.CreateAsync(new UserChangeRequest { Name = "newbie", DryRun = true }, Ct);

        change.Changed.ShouldBeTrue();
        var user = change.User.ShouldNotBeNull();
        (user.Home, user.Group, user.Uid).ShouldBe(("/home/newbie", "newbie", (int?)null));
        host.Commands.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_tool_failure_is_refused_with_the_tools_reason()
    {
        using var host = new AccountMachine().Fails("useradd -m -G hostops-nosuchgroup newbie", 6, "useradd-no-group.txt");

        var error = await Should.ThrowAsync<HostProviderException>(() => host.Users.CreateAsync(new UserChangeRequest { Name = "newbie", Groups = ["hostops-nosuchgroup"] }, Ct));

        error.Message.ShouldBe("useradd failed: useradd: group 'hostops-nosuchgroup' does not exist");
    }

    [Fact]
    public async Task Updating_an_unknown_user_is_refused_before_anything_runs()
    {
        using var host = new AccountMachine();

        var error = await Should.ThrowAsync<HostProviderException>(() => host.Users.UpdateAsync(new UserChangeRequest { Name = "ghost", Shell = "/bin/sh" }, Ct));

        error.Message.ShouldBe("user 'ghost' does not exist on this host");
        host.Commands.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Delete_runs_userdel_and_a_missing_user_is_unchanged()
    {
        using var host = new AccountMachine();

        (await host.Users.DeleteAsync("deploy", removeHome: true, dryRun: false, Ct)).Changed.ShouldBeTrue();
        (await host.Users.DeleteAsync("ghost", removeHome: false, dryRun: false, Ct)).Changed.ShouldBeFalse();
        (await host.Users.DeleteAsync("deploy", removeHome: false, dryRun: true, Ct)).Changed.ShouldBeTrue();

        host.CommandLines.ShouldBe(["userdel -r deploy"]);
    }

    [Fact]
    public async Task A_password_hash_is_set_through_chpasswd_on_standard_input_and_the_same_hash_again_is_unchanged()
    {
        using var host = new AccountMachine();
        var hash = Sha512Crypt.Hash("another secret", "fixedsalt");

        (await host.Users.SetPasswordAsync("deploy", AccountMachine.Hash, dryRun: false, Ct)).Changed.ShouldBeFalse();
        (await host.Users.SetPasswordAsync("deploy", hash, dryRun: false, Ct)).Changed.ShouldBeTrue();

        var call = host.Commands.Calls.ShouldHaveSingleItem();
        call.CommandLine.ShouldBe("chpasswd -e");
        call.Options.StandardInput.ShouldBe($"deploy:{hash}\n");
    }

    [Fact]
    public async Task Something_that_is_not_a_hash_never_reaches_usermod()
    {
        using var host = new AccountMachine();

        var error = await Should.ThrowAsync<HostProviderException>(() => host.Users.SetPasswordAsync("deploy", "plaintext", dryRun: false, Ct));

        error.Message.ShouldStartWith("hash: is not a crypt hash");
        host.Commands.Calls.ShouldBeEmpty();
    }
}
