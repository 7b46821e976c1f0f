using HostOps.Providers;

namespace HostOps.Testing.Fixtures;

/// <summary>The copied fixture trees in the test output: one directory per real machine, laid out like its root.</summary>
public static class FixtureMachine
{
    public static string Directory(string machine) => Path.Combine(AppContext.BaseDirectory, "Fixtures", machine);

    public static HostRoot Root(string machine) => new(Directory(machine));

    public static string ReadText(string machine, string relativePath) => File.ReadAllText(Path.Combine(Directory(machine), relativePath));
}
