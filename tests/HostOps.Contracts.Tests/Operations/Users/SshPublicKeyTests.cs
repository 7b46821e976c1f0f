using HostOps.Contracts.Operations.Users;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Contracts.Tests.Operations.Users;

public sealed class SshPublicKeyTests
{
    // The keys and `ssh-keygen -lf` lines were captured on the machine the tests were written on (fixture README).
    [Theory]
    [InlineData("ed25519", "ssh-ed25519", "alice@laptop")]
    [InlineData("rsa", "ssh-rsa", "bob@ci")]
    [InlineData("ecdsa", "ecdsa-sha2-nistp256", "carol")]
    public void Fingerprints_as_ssh_keygen_does(string name, string type, string comment)
    {
        var key = SshPublicKey.Parse(Fixture($"key-{name}.pub"), allowOptions: false, out var error).ShouldNotBeNull(error);

        key.Type.ShouldBe(type);
        key.Comment.ShouldBe(comment);
        key.Fingerprint.ShouldBe(Fixture($"key-{name}.fingerprint").Split(' ')[1]);
    }

    [Fact]
    public void Reads_an_authorized_keys_line_with_options_holding_blanks()
    {
        var line = "command=\"/usr/bin/rrsync -ro /srv\",no-pty " + Fixture("key-ed25519.pub").Trim();

        var key = SshPublicKey.Parse(line, allowOptions: true, out _).ShouldNotBeNull();

        key.Options.ShouldBe("command=\"/usr/bin/rrsync -ro /srv\",no-pty");
        key.Type.ShouldBe("ssh-ed25519");
        key.Line.ShouldBe(line);
        SshPublicKey.Parse(line, allowOptions: false, out _).ShouldBeNull();
    }

    [Theory]
    [InlineData("", "is required")]
    [InlineData("ssh-ed25519", "is not an OpenSSH public key")]
    [InlineData("ssh-dss AAAAB3NzaC1kc3M= x", "is not an OpenSSH public key")]
    [InlineData("ssh-ed25519 not*base64 x", "the key's data is not valid base64")]
    [InlineData("ssh-ed25519 AAAA x", "the key's data is not an OpenSSH key blob")]
    [InlineData("ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQAB x", "the key's data is a ssh-rsa key, not ssh-ed25519")]
    [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILfknQiJ6L+c28TuhOALNSsI0mVILLyQzuu0LYF1GEvR a\nssh-rsa AAAA b", "holds a line break")]
    public void Refuses_what_is_not_one_key(string line, string error)
    {
        SshPublicKey.Parse(line, allowOptions: false, out var why).ShouldBeNull();
        why.ShouldNotBeNull().ShouldStartWith(error);
    }

    [Theory]
    [InlineData("SHA256:PLSOa8Tu4t2DUTapAL18BRd/bf3wDAiW6O40iloEhdU")]
    [InlineData("PLSOa8Tu4t2DUTapAL18BRd/bf3wDAiW6O40iloEhdU")]
    [InlineData("SHA256:PLSOa8Tu4t2DUTapAL18BRd_bf3wDAiW6O40iloEhdU")]
    [InlineData("PLSOa8Tu4t2DUTapAL18BRd_bf3wDAiW6O40iloEhdU=")]
    public void A_fingerprint_is_taken_as_ssh_keygen_prints_it_or_url_safe(string value) =>
        SshPublicKey.NormalizeFingerprint(value).ShouldBe("SHA256:PLSOa8Tu4t2DUTapAL18BRd/bf3wDAiW6O40iloEhdU");

    [Theory]
    [InlineData("MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48")]
    [InlineData("SHA256:short")]
    [InlineData("SHA256:PLSOa8Tu4t2DUTapAL18BRd/bf3wDAiW6O40iloEhd!")]
    public void Refuses_other_fingerprints(string value) => SshPublicKey.NormalizeFingerprint(value).ShouldBeNull();

    private static string Fixture(string file) => FixtureMachine.ReadText("debian12", "accounts/" + file);
}
