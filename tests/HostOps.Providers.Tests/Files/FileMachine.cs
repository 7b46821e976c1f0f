using System.Runtime.Versioning;
using HostOps.Providers.Commands;
using HostOps.Providers.Files;
using HostOps.Testing.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace HostOps.Providers.Tests.Files;

/// <summary>
/// A temporary machine root with <c>/etc</c> and <c>/home</c>, and the file providers working on it for real: real
/// files, the real <c>stat</c> and <c>chown</c> (to this test's own user and group, which needs no root).
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class FileMachine : IDisposable
{
    public FileMachine(bool hostChangesAllowed = true)
    {
        Machine.CreateDirectory("/etc").CreateDirectory("/home/user");
        var root = Machine.Root;
        Runner = new ProcessCommandRunner(NullLogger<ProcessCommandRunner>.Instance);
        Reader = new FileReader(root, FilePolicy.Default, Runner);
        Writer = new FileWriter(root, FilePolicy.Default, Runner, new HostChangeGuard(() => hostChangesAllowed));
    }

    public TempMachine Machine { get; } = new();

    public ProcessCommandRunner Runner { get; }

    public FileReader Reader { get; }

    public FileWriter Writer { get; }

    public string PathOf(string path) => Machine.PathOf(path);

    /// <summary>This test's user and primary group names, as chown takes them.</summary>
    public async Task<(string User, string Group)> AccountAsync()
    {
        var user = await Runner.RunAsync("id", ["-un"], TestContext.Current.CancellationToken);
        var group = await Runner.RunAsync("id", ["-gn"], TestContext.Current.CancellationToken);
        return (user.StandardOutput.Trim(), group.StandardOutput.Trim());
    }

    public void Dispose() => Machine.Dispose();
}
