using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Users;

public sealed class AccountDatabaseTests
{
    [Fact]
    public void Lists_the_users_with_their_groups_and_locks()
    {
        using var host = new AccountMachine();

        var users = host.Accounts.Users();

        users.Count.ShouldBe(21);
        var root = users[0];
        (root.Name, root.Uid, root.Gid, root.Group, root.Home, root.Shell, root.Locked).ShouldBe(("root", 0, 0, "root", "/root", "/bin/bash", false));
        var deploy = host.Accounts.User("deploy").ShouldNotBeNull();
        deploy.Groups.ShouldBe(["adm", "sudo"]);
        deploy.Comment.ShouldBe("Deploy User,,,");
        deploy.Locked.ShouldBe(false);
        host.Accounts.User("cloudsdk").ShouldNotBeNull().Locked.ShouldBe(true);
        host.Accounts.User("_apt").ShouldNotBeNull().Group.ShouldBeNull(); // gid 65534 (nogroup) is not in the fixture
    }

    [Fact]
    public void Without_a_readable_shadow_locked_is_unknown()
    {
        using var host = new AccountMachine(withShadow: false);

        host.Accounts.User("deploy").ShouldNotBeNull().Locked.ShouldBeNull();
        host.Accounts.PasswordHash("deploy").ShouldBeNull();
    }

    [Fact]
    public void Lists_the_groups_with_their_members()
    {
        using var host = new AccountMachine();

        var sudo = host.Accounts.Group("sudo").ShouldNotBeNull();

        sudo.Gid.ShouldBe(27);
        sudo.Members.ShouldBe(["cloudsdk", "deploy"]);
        host.Accounts.Groups().Count.ShouldBe(31);
    }

    [Fact]
    public void An_unknown_user_or_group_is_refused_by_name()
    {
        using var host = new AccountMachine();

        Should.Throw<HostProviderException>(() => host.Accounts.ExistingUser("ghost")).Message.ShouldBe("user 'ghost' does not exist on this host");
        Should.Throw<HostProviderException>(() => host.Accounts.ExistingGroup("ghost")).Message.ShouldBe("group 'ghost' does not exist on this host");
    }

    [Fact]
    public void A_broken_passwd_is_refused_with_the_line()
    {
        using var host = new AccountMachine();
        host.Machine.Write("/etc/passwd", "root:x:zero:0:root:/root:/bin/bash\n");

        Should.Throw<HostProviderException>(() => host.Accounts.Users()).Message.ShouldBe("/etc/passwd has unexpected content: 'id 'zero''");
    }
}
