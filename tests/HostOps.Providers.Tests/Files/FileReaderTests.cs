using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using HostOps.Contracts.Operations.Files;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Files;

/// <summary>Stat and content reads under a temporary root, for real.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class FileReaderTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly FileMachine _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Stat_answers_type_size_mode_owner_and_sha256()
    {
        _host.Machine.Write("/etc/motd", "hello\n");
        File.SetUnixFileMode(_host.PathOf("/etc/motd"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var (user, group) = await _host.AccountAsync();

        var stat = await _host.Reader.StatAsync("/etc/motd", Ct);

        stat.Exists.ShouldBeTrue();
        (stat.Type, stat.Size, stat.Mode, stat.Owner, stat.Group).ShouldBe(("file", 6L, "0640", user, group));
        stat.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData("hello\n"u8)));
    }

    [Fact]
    public async Task Stat_of_a_missing_path_says_it_does_not_exist_and_a_directory_has_no_sha256()
    {
        _host.Machine.CreateDirectory("/etc/app");

        var missing = await _host.Reader.StatAsync("/etc/none", Ct);
        var directory = await _host.Reader.StatAsync("/etc/app", Ct);

        missing.Exists.ShouldBeFalse();
        (directory.Type, directory.Sha256).ShouldBe(("directory", null));
    }

    [Fact]
    public async Task Content_comes_back_base64_byte_for_byte()
    {
        byte[] bytes = [0, 1, 2, 255, 10];
        File.WriteAllBytes(_host.PathOf("/etc/blob"), bytes);

        var content = await _host.Reader.ReadAsync("/etc/blob", Ct);

        content.Encoding.ShouldBe("base64");
        Convert.FromBase64String(content.Content!).ShouldBe(bytes);
        content.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task Content_larger_than_the_read_limit_is_refused()
    {
        File.WriteAllBytes(_host.PathOf("/etc/big"), new byte[FileRules.MaxReadBytes + 1]);

        var error = await Should.ThrowAsync<HostProviderException>(() => _host.Reader.ReadAsync("/etc/big", Ct));

        error.Message.ShouldContain("more than the 512 KiB");
    }

    [Fact]
    public async Task A_link_to_a_file_outside_the_allow_list_is_not_read()
    {
        _host.Machine.Write("/home/user/secret", "private");
        File.CreateSymbolicLink(_host.PathOf("/etc/peek"), "/home/user/secret");

        var error = await Should.ThrowAsync<HostProviderException>(() => _host.Reader.ReadAsync("/etc/peek", Ct));

        error.Message.ShouldContain("leads to /home/user/secret through a symbolic link");
        (await _host.Reader.StatAsync("/etc/peek", Ct)).Type.ShouldBe("symlink");
    }

    [Fact]
    public async Task A_relative_link_climbing_out_is_followed_and_refused()
    {
        _host.Machine.Write("/home/user/secret", "private");
        File.CreateSymbolicLink(_host.PathOf("/etc/up"), "../home/user/secret");

        var error = await Should.ThrowAsync<HostProviderException>(() => _host.Reader.ReadAsync("/etc/up", Ct));

        error.Message.ShouldContain("leads to /home/user/secret");
        Encoding.UTF8.GetString(File.ReadAllBytes(_host.PathOf("/home/user/secret"))).ShouldBe("private");
    }
}
