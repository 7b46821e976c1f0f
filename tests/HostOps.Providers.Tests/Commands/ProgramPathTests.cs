using System.Runtime.Versioning;
using HostOps.Providers.Commands;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Commands;

[UnsupportedOSPlatform("windows")]
public sealed class ProgramPathTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("hostops-path-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_bare_name_is_the_first_executable_on_the_path_and_relative_entries_are_skipped()
    {
        var first = Executable("first/tool");
        Executable("second/tool");
        File.WriteAllText(Path.Join(directory, "plain"), "not executable");

        ProgramPath.Find("tool", $"relative:{directory}/none:{directory}/first:{directory}/second").ShouldBe(first);
        Should.Throw<HostProviderException>(() => ProgramPath.Find("plain", directory))
            .Message.ShouldBe($"plain: not found on this agent's PATH ({directory})");
    }

    [Fact]
    public void An_absolute_path_is_normalized()
    {
        var tool = Executable("bin/tool");

        ProgramPath.Find($"{directory}/bin/../bin/./tool", null).ShouldBe(tool);
    }

    [Fact]
    public void The_real_path_follows_links_of_the_file_and_of_its_directories()
    {
        var tool = Executable("real/tool");
        Directory.CreateSymbolicLink(Path.Join(directory, "dir"), "real");
        File.CreateSymbolicLink(Path.Join(directory, "alias"), Path.Join(directory, "dir", "tool"));

        ProgramPath.RealPath(Path.Join(directory, "alias")).ShouldBe(ProgramPath.RealPath(tool));
        ProgramPath.RealPath(Path.Join(directory, "dir", "tool")).ShouldBe(ProgramPath.RealPath(tool));
    }

    private string Executable(string relative)
    {
        var path = Path.Join(directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
