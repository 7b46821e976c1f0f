using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using HostOps.Providers.Files;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Files;

/// <summary>Writes and deletes under a temporary root, for real: atomic, idempotent, kept inside the allow list.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class FileWriterTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly FileMachine _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Writes_a_new_file_with_its_mode_and_answers_changed_false_the_second_time()
    {
        var write = new FileWrite("/etc/app.conf", "0640", null, null, DryRun: false);

        var first = await _host.Writer.WriteAsync(write, Inline("port = 8080\n"), Ct);
        var second = await _host.Writer.WriteAsync(write, Inline("port = 8080\n"), Ct);

        first.Changed.ShouldBeTrue();
        first.Sha256.ShouldBe(Sha256("port = 8080\n"));
        first.Size.ShouldBe(12);
        first.Mode.ShouldBe("0640");
        second.Changed.ShouldBeFalse();
        second.Sha256.ShouldBe(first.Sha256);
        File.ReadAllText(_host.PathOf("/etc/app.conf")).ShouldBe("port = 8080\n");
        File.GetUnixFileMode(_host.PathOf("/etc/app.conf")).ShouldBe((UnixFileMode)Convert.ToInt32("640", 8));
        Directory.GetFiles(_host.PathOf("/etc")).ShouldBe([_host.PathOf("/etc/app.conf")], "no temporary file is left behind");
    }

    [Fact]
    public async Task Sets_owner_and_group_and_then_has_nothing_to_do()
    {
        var (user, group) = await _host.AccountAsync();
        var write = new FileWrite("/etc/owned", "0600", user, group, DryRun: false);

        (await _host.Writer.WriteAsync(write, Inline("x"), Ct)).Changed.ShouldBeTrue();
        var again = await _host.Writer.WriteAsync(write, Inline("x"), Ct);

        again.Changed.ShouldBeFalse();
        again.Owner.ShouldBe(user);
        again.Group.ShouldBe(group);
        var stat = await _host.Reader.StatAsync("/etc/owned", Ct);
        (stat.Owner, stat.Group, stat.Mode).ShouldBe((user, group, "0600"));
    }

    [Fact]
    public async Task A_changed_mode_alone_is_a_change_that_keeps_the_content()
    {
        await _host.Writer.WriteAsync(new FileWrite("/etc/mode", "0644", null, null, false), Inline("same"), Ct);

        var result = await _host.Writer.WriteAsync(new FileWrite("/etc/mode", "0600", null, null, false), Inline("same"), Ct);

        result.Changed.ShouldBeTrue();
        File.GetUnixFileMode(_host.PathOf("/etc/mode")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.ReadAllText(_host.PathOf("/etc/mode")).ShouldBe("same");
    }

    [Fact]
    public async Task Rewriting_keeps_the_mode_it_is_not_given()
    {
        await _host.Writer.WriteAsync(new FileWrite("/etc/kept", "0600", null, null, false), Inline("one"), Ct);

        var result = await _host.Writer.WriteAsync(new FileWrite("/etc/kept", null, null, null, false), Inline("two"), Ct);

        result.Mode.ShouldBe("0600");
        File.GetUnixFileMode(_host.PathOf("/etc/kept")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task A_dry_run_answers_the_change_and_writes_nothing()
    {
        var result = await _host.Writer.WriteAsync(new FileWrite("/etc/dry", null, null, null, DryRun: true), Inline("x"), Ct);

        result.Changed.ShouldBeTrue();
        result.Sha256.ShouldBe(Sha256("x"));
        File.Exists(_host.PathOf("/etc/dry")).ShouldBeFalse();
    }

    [Fact]
    public async Task Without_host_changes_allowed_nothing_is_written()
    {
        using var locked = new FileMachine(hostChangesAllowed: false);

        var error = await Should.ThrowAsync<HostProviderException>(() => locked.Writer.WriteAsync(new FileWrite("/etc/x", null, null, null, false), Inline("x"), Ct));

        error.Message.ShouldContain("host changes are disabled");
        File.Exists(locked.PathOf("/etc/x")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/home/user/.bashrc", "outside the directories this agent allows")]
    [InlineData("/etcetera/x", "outside the directories this agent allows")]
    [InlineData("etc/app.conf", "not an absolute path")]
    [InlineData("/etc/../home/user/x", "not normalised")]
    [InlineData("/etc//x", "not normalised")]
    [InlineData("/etc/x\0y", "must not contain NUL")]
    public async Task Refuses_paths_outside_the_allow_list_or_not_normalised(string path, string why)
    {
        var error = await Should.ThrowAsync<HostProviderException>(() => _host.Writer.WriteAsync(new FileWrite(path, null, null, null, false), Inline("x"), Ct));

        error.Message.ShouldContain(why);
        File.Exists(_host.PathOf("/home/user/x")).ShouldBeFalse();
        File.Exists(_host.PathOf("/home/user/.bashrc")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_symbolic_link_to_a_directory_outside_cannot_carry_a_write_out()
    {
        Directory.CreateSymbolicLink(_host.PathOf("/etc/escape"), "/home/user");

        var error = await Should.ThrowAsync<HostProviderException>(() =>
            _host.Writer.WriteAsync(new FileWrite("/etc/escape/planted", null, null, null, false), Inline("x"), Ct));

        error.Message.ShouldContain("leads to /home/user/planted through a symbolic link");
        File.Exists(_host.PathOf("/home/user/planted")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_write_over_a_link_replaces_the_link_not_its_target_outside()
    {
        _host.Machine.Write("/home/user/secret", "keep");
        File.CreateSymbolicLink(_host.PathOf("/etc/link"), "/home/user/secret");

        var result = await _host.Writer.WriteAsync(new FileWrite("/etc/link", null, null, null, false), Inline("new"), Ct);

        result.Changed.ShouldBeTrue();
        File.ReadAllText(_host.PathOf("/home/user/secret")).ShouldBe("keep");
        new FileInfo(_host.PathOf("/etc/link")).LinkTarget.ShouldBeNull();
        File.ReadAllText(_host.PathOf("/etc/link")).ShouldBe("new");
    }

    [Fact]
    public async Task Content_that_does_not_match_its_sha256_replaces_nothing()
    {
        _host.Machine.Write("/etc/app.conf", "old");

        var error = await Should.ThrowAsync<HostProviderException>(() =>
            _host.Writer.WriteAsync(new FileWrite("/etc/app.conf", null, null, null, false), new LyingSource(), Ct));

        error.Message.ShouldContain("does not match the expected");
        File.ReadAllText(_host.PathOf("/etc/app.conf")).ShouldBe("old");
        Directory.GetFiles(_host.PathOf("/etc")).Length.ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_directory_is_named()
    {
        var error = await Should.ThrowAsync<HostProviderException>(() =>
            _host.Writer.WriteAsync(new FileWrite("/etc/nowhere/x", null, null, null, false), Inline("x"), Ct));

        error.Message.ShouldContain("/etc/nowhere does not exist");
    }

    [Fact]
    public async Task Deletes_a_file_once_and_then_has_nothing_to_do()
    {
        _host.Machine.Write("/etc/old", "bye");

        var first = await _host.Writer.DeleteAsync("/etc/old", dryRun: false, Ct);
        var second = await _host.Writer.DeleteAsync("/etc/old", dryRun: false, Ct);

        (first.Changed, first.Sha256).ShouldBe((true, Sha256("bye")));
        second.Changed.ShouldBeFalse();
        File.Exists(_host.PathOf("/etc/old")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_dry_run_delete_keeps_the_file_and_a_directory_is_refused()
    {
        _host.Machine.Write("/etc/old", "bye").CreateDirectory("/etc/dir");

        (await _host.Writer.DeleteAsync("/etc/old", dryRun: true, Ct)).Changed.ShouldBeTrue();
        var error = await Should.ThrowAsync<HostProviderException>(() => _host.Writer.DeleteAsync("/etc/dir", dryRun: false, Ct));

        File.Exists(_host.PathOf("/etc/old")).ShouldBeTrue();
        error.Message.ShouldContain("is a directory");
    }

    private static InlineFileSource Inline(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    // Announces one content and delivers another, as a corrupted copy would.
    private sealed class LyingSource : IFileSource
    {
        public string Description => "stored file lie";

        public Task<(string Sha256, long Size)> DescribeAsync(CancellationToken cancellationToken) => Task.FromResult((Sha256("promised"), 8L));

        public Task CopyToAsync(Stream destination, CancellationToken cancellationToken) =>
            destination.WriteAsync("delivered"u8.ToArray(), cancellationToken).AsTask();
    }
}
