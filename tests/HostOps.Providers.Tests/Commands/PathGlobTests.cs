using HostOps.Providers.Commands;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Commands;

public sealed class PathGlobTests
{
    [Theory]
    [InlineData("/usr/bin/echo", "/usr/bin/echo", true)]
    [InlineData("/usr/bin/echo", "/usr/bin/echoes", false)]
    [InlineData("/usr/bin/*", "/usr/bin/echo", true)]
    [InlineData("/usr/bin/*", "/usr/bin/", true)]
    [InlineData("/usr/bin/*", "/usr/bin/x/echo", false)]
    [InlineData("/usr/*/echo", "/usr/bin/echo", true)]
    [InlineData("/usr/*/echo", "/usr/local/bin/echo", false)]
    [InlineData("/usr/bin/python3*", "/usr/bin/python3.12", true)]
    [InlineData("/usr/bin/ec?o", "/usr/bin/echo", true)]
    [InlineData("/usr/bin/ec?o", "/usr/bin/ec/o", false)]
    [InlineData("/opt/*/bin/*", "/opt/app/bin/run", true)]
    public void Star_and_question_mark_stay_within_one_directory(string pattern, string path, bool matches) =>
        PathGlob.Matches(pattern, path).ShouldBe(matches);
}
