using System.Runtime.Versioning;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Users;

[UnsupportedOSPlatform("windows")]
public sealed class AuthorizedKeysTests
{
    private const string KeysPath = "/home/deploy/.ssh/authorized_keys";
    private static readonly string Ed25519 = AccountMachine.Fixture("key-ed25519.pub").Trim();
    private static readonly string Rsa = AccountMachine.Fixture("key-rsa.pub").Trim();
    private static readonly string Ed25519Fingerprint = AccountMachine.Fixture("key-ed25519.fingerprint").Split(' ')[1];

    [Fact]
    public void A_user_without_the_file_has_no_keys()
    {
        using var host = new AccountMachine();

        host.Keys.List("deploy").ShouldBeEmpty();
    }

    [Fact]
    public void Add_writes_the_file_0600_in_a_0700_directory_and_the_same_key_again_is_unchanged()
    {
        using var host = new AccountMachine();

        var added = host.Keys.Add("deploy", Ed25519, dryRun: false);
        var again = host.Keys.Add("deploy", Ed25519.Replace("alice@laptop", "another comment", StringComparison.Ordinal), dryRun: false);

        added.Changed.ShouldBeTrue();
        added.Key.ShouldNotBeNull().Fingerprint.ShouldBe(Ed25519Fingerprint);
        again.Changed.ShouldBeFalse();
        again.Key.ShouldNotBeNull().Comment.ShouldBe("alice@laptop");
        host.Machine.Read(KeysPath).ShouldBe(Ed25519 + "\n");
        File.GetUnixFileMode(host.Machine.PathOf(KeysPath)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(host.Machine.PathOf("/home/deploy/.ssh")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.GetFiles(host.Machine.PathOf("/home/deploy/.ssh")).ShouldHaveSingleItem();
    }

    [Fact]
    public void List_reads_keys_with_options_and_skips_comments()
    {
        using var host = new AccountMachine();
        host.Machine.Write(KeysPath, $"# managed by hand\nfrom=\"10.0.0.0/8\" {Ed25519}\n\n{Rsa}\n");

        var keys = host.Keys.List("deploy");

        keys.Select(k => k.Type).ShouldBe(["ssh-ed25519", "ssh-rsa"]);
        keys[0].Options.ShouldBe("from=\"10.0.0.0/8\"");
        keys[1].Fingerprint.ShouldBe(AccountMachine.Fixture("key-rsa.fingerprint").Split(' ')[1]);
    }

    [Fact]
    public void Remove_by_a_url_safe_fingerprint_keeps_the_other_lines()
    {
        using var host = new AccountMachine();
        host.Machine.Write(KeysPath, $"# managed by hand\n{Ed25519}\n{Rsa}\n");
        var urlSafe = Ed25519Fingerprint["SHA256:".Length..].Replace('/', '_').Replace('+', '-');

        var removed = host.Keys.Remove("deploy", urlSafe, dryRun: false);
        var again = host.Keys.Remove("deploy", Ed25519Fingerprint, dryRun: false);

        removed.Changed.ShouldBeTrue();
        removed.Key.ShouldNotBeNull().Comment.ShouldBe("alice@laptop");
        again.Changed.ShouldBeFalse();
        again.Key.ShouldBeNull();
        host.Machine.Read(KeysPath).ShouldBe($"# managed by hand\n{Rsa}\n");
    }

    [Fact]
    public void A_dry_run_writes_nothing_even_where_changes_are_refused()
    {
        using var host = new AccountMachine(hostChangesAllowed: false);

        host.Keys.Add("deploy", Ed25519, dryRun: true).Changed.ShouldBeTrue();

        File.Exists(host.Machine.PathOf(KeysPath)).ShouldBeFalse();
        Should.Throw<HostProviderException>(() => host.Keys.Add("deploy", Ed25519, dryRun: false)).Message.ShouldStartWith("adding an SSH key for deploy refused");
        Directory.Exists(host.Machine.PathOf("/home/deploy/.ssh")).ShouldBeFalse();
    }

    [Fact]
    public void A_linked_ssh_directory_is_refused()
    {
        using var host = new AccountMachine();
        host.Machine.CreateDirectory("/etc/elsewhere");
        Directory.CreateSymbolicLink(host.Machine.PathOf("/home/deploy/.ssh"), host.Machine.PathOf("/etc/elsewhere"));

        Should.Throw<HostProviderException>(() => host.Keys.Add("deploy", Ed25519, dryRun: false)).Message.ShouldEndWith("is a symbolic link; HostOps does not write through links in a user's home");
        Directory.GetFiles(host.Machine.PathOf("/etc/elsewhere")).ShouldBeEmpty();
    }

    [Fact]
    public void A_user_without_a_home_or_an_unknown_user_is_refused()
    {
        using var host = new AccountMachine();

        Should.Throw<HostProviderException>(() => host.Keys.Add("cloudsdk", Ed25519, dryRun: false)).Message.ShouldBe("the home directory /home/cloudsdk of cloudsdk does not exist");
        Should.Throw<HostProviderException>(() => host.Keys.List("ghost")).Message.ShouldBe("user 'ghost' does not exist on this host");
    }
}
