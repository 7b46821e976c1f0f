using HostOps.Contracts.Operations.Packages;
using Shouldly;
using Xunit;

namespace HostOps.Contracts.Tests.Operations;

public sealed class PackageRulesTests
{
    [Theory]
    [InlineData("hello")]
    [InlineData("libstdc++6")]
    [InlineData("python3.11-venv")]
    [InlineData("NetworkManager")]
    [InlineData("perl_Test")]
    [InlineData("R")]
    public void Takes_debian_and_rpm_names(string name) => PackageRules.Name("name", name).ShouldBeNull();

    [Theory]
    [InlineData("", "name: is required")]
    [InlineData("-rf", "name: '-rf' is not a valid package name (1-128 of A-Z a-z 0-9 + . _ -, starting with a letter or digit)")]
    [InlineData(".hidden", "name: '.hidden' is not a valid package name (1-128 of A-Z a-z 0-9 + . _ -, starting with a letter or digit)")]
    [InlineData("hello world", "name: 'hello world' is not a valid package name (1-128 of A-Z a-z 0-9 + . _ -, starting with a letter or digit)")]
    [InlineData("hello;reboot", "name: 'hello;reboot' is not a valid package name (1-128 of A-Z a-z 0-9 + . _ -, starting with a letter or digit)")]
    [InlineData("hello*", "name: 'hello*' is not a valid package name (1-128 of A-Z a-z 0-9 + . _ -, starting with a letter or digit)")]
    [InlineData("hello=1.0", "name: 'hello=1.0' is not a valid package name (1-128 of A-Z a-z 0-9 + . _ -, starting with a letter or digit)")]
    [InlineData("hello\n", "name: 'hello\n' is not a valid package name (1-128 of A-Z a-z 0-9 + . _ -, starting with a letter or digit)")]
    public void Refuses_what_is_not_a_plain_name(string name, string error) => PackageRules.Name("name", name).ShouldBe(error);

    [Fact]
    public void A_name_is_at_most_128_characters()
    {
        PackageRules.Name("name", new string('a', 128)).ShouldBeNull();
        PackageRules.Name("name", new string('a', 129)).ShouldNotBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2.10-3")]
    [InlineData("1:3.0.7-28.el9_4")]
    [InlineData("12.4+deb12u15")]
    [InlineData("1.0~rc1")]
    public void Takes_debian_and_rpm_versions(string? version) => PackageRules.Version("version", version).ShouldBeNull();

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1 2")]
    [InlineData("1.0/../x")]
    [InlineData("1.0*")]
    public void Refuses_what_is_not_a_version(string version) =>
        PackageRules.Version("version", version).ShouldBe($"version: '{version}' is not a valid package version (1-128 of A-Z a-z 0-9 . + ~ : _ -, starting with a letter or digit)");

    [Theory]
    [InlineData("openssh*", "openssh-server", true)]
    [InlineData("openssh*", "openssh", true)]
    [InlineData("*ssh*", "openssh-client", true)]
    [InlineData("lib?", "libc", true)]
    [InlineData("lib?", "libc6", false)]
    [InlineData("*-dev", "libssl-dev", true)]
    [InlineData("*-dev", "libssl-dev-doc", false)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("hello", "Hello", false)]
    public void A_pattern_is_a_glob_on_the_whole_name(string pattern, string name, bool matches)
    {
        PackageRules.Pattern("pattern", pattern).ShouldBeNull();
        PackageRules.Matches(pattern, name).ShouldBe(matches);
    }

    [Theory]
    [InlineData("[a-z]*")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Refuses_patterns_beyond_star_and_question_mark(string pattern) =>
        PackageRules.Pattern("pattern", pattern).ShouldBe($"pattern: '{pattern}' is not a valid pattern (1-128 of A-Z a-z 0-9 + . _ - and the wildcards * and ?)");

    [Fact]
    public void Names_to_upgrade_are_each_checked_and_limited()
    {
        PackageRules.Names("names", null).ShouldBeNull();
        PackageRules.Names("names", ["bash", "openssl"]).ShouldBeNull();
        PackageRules.Names("names", ["bash", "-y"]).ShouldBe("names[1]: '-y' is not a valid package name (1-128 of A-Z a-z 0-9 + . _ -, starting with a letter or digit)");
        PackageRules.Names("names", [.. Enumerable.Range(0, 101).Select(i => $"p{i}")]).ShouldBe("names: 101 given, the limit is 100");
    }
}
