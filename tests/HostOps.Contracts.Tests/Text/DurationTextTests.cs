using HostOps.Contracts.Text;
using Shouldly;
using Xunit;

namespace HostOps.Contracts.Tests.Text;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(9015, "2h30m15s")]
    [InlineData(0.014637, "14.637ms")]
    [InlineData(1, "1s")]
    [InlineData(90061, "1d1h1m1s")]
    public void Formats_spans_in_the_compact_form(double seconds, string expected) =>
        DurationText.Format(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("1h30m", 5400)]
    [InlineData("500ms", 0.5)]
    [InlineData("168h", 604800)]
    [InlineData("00:01:00", 60)]
    public void Parses_configuration_durations(string text, double seconds)
    {
        DurationText.TryParse(text, out var span).ShouldBeTrue();
        span.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("10x")]
    [InlineData("abc")]
    [InlineData("s")]
    public void Refuses_malformed_durations(string text) => DurationText.TryParse(text, out _).ShouldBeFalse();
}
