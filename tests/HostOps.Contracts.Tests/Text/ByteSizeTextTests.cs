using HostOps.Contracts.Text;
using Shouldly;
using Xunit;

namespace HostOps.Contracts.Tests.Text;

public sealed class ByteSizeTextTests
{
    [Theory]
    [InlineData("4096", 4096)]
    [InlineData("1GiB", 1L << 30)]
    [InlineData("512MiB", 512L << 20)]
    [InlineData("512mib", 512L << 20)]
    [InlineData("64KiB", 65536)]
    [InlineData("1GB", 1_000_000_000)]
    [InlineData("1.5 KB", 1500)]
    [InlineData(" 2TiB ", 2L << 40)]
    [InlineData("10B", 10)]
    public void Parses_configuration_sizes(string text, long bytes)
    {
        ByteSizeText.TryParse(text, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GiB")]
    [InlineData("1 gigabyte")]
    [InlineData("-1GiB")]
    [InlineData("1Gi")]
    [InlineData("99999999999TiB")]
    public void Refuses_malformed_sizes(string text) => ByteSizeText.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData(1L << 30, "1GiB")]
    [InlineData(256L << 20, "256MiB")]
    [InlineData(64_000, "64KB")]
    [InlineData(1500, "1500B")]
    [InlineData(0, "0B")]
    public void Formats_with_the_largest_exact_unit(long bytes, string text) => ByteSizeText.Format(bytes).ShouldBe(text);

    [Fact]
    public void A_malformed_size_says_which_forms_work() =>
        Should.Throw<FormatException>(() => ByteSize.Parse("lots")).Message.ShouldBe("'lots' is not a size (use forms like 4096, 64KiB, 512MiB, 1GiB or 1GB)");
}
