using System.Globalization;
using HostOps.Providers.Commands;
using HostOps.Providers.Users;
using HostOps.Testing.Fakes;
using HostOps.Testing.Fixtures;

namespace HostOps.Providers.Tests.Users;

/// <summary>
/// A temporary machine with the captured <c>/etc/passwd</c>, <c>/etc/group</c> and <c>/etc/shadow</c> (fixture
/// debian12/accounts), <c>deploy</c>'s home and uid/gid made this test process's own (so chown works without root),
/// and the account providers over a fake runner.
/// </summary>
internal sealed class AccountMachine : IDisposable
{
    public const string Hash = "$6$Zq1.x/y$uVYWrolUPz4GoW8eJfXSlfUmeYCuz1rQvTp9qgE2A2DsMolQLNHhNOalWbLdxNQpg/rciXxOLRLYLBDt3NhbS/";

    public AccountMachine(bool hostChangesAllowed = true, bool withShadow = true)
    {
        var (uid, gid) = OwnIds();
        Machine
            .Write(AccountDatabase.PasswdPath, Fixture("etc/passwd").Replace("deploy:x:1001:1001:", $"deploy:x:{uid}:{gid}:", StringComparison.Ordinal))
            .Write(AccountDatabase.GroupPath, Fixture("etc/group").Replace("deploy:x:1001:", $"deploy:x:{gid}:", StringComparison.Ordinal))
            .CreateDirectory("/home/deploy");
        if (withShadow)
        {
            Machine.Write(AccountDatabase.ShadowPath, Fixture("etc/shadow"));
        }

        Guard = new HostChangeGuard(() => hostChangesAllowed);
        Accounts = new AccountDatabase(Machine.Root);
    }

    public TempMachine Machine { get; } = new();

    public FakeCommandRunner Commands { get; } = new();

    public HostChangeGuard Guard { get; }

    public AccountDatabase Accounts { get; }

    public UserChanger Users => new(Accounts, new AccountTool(Commands), Guard);

    public GroupChanger Groups => new(Accounts, new AccountTool(Commands), Guard);

    public AuthorizedKeys Keys => new(Machine.Root, Accounts, Guard);

    public IEnumerable<string> CommandLines => Commands.Calls.Select(c => c.CommandLine);

    /// <summary>Answers <paramref name="commandLine"/> as the tool failed with its captured standard error.</summary>
    public AccountMachine Fails(string commandLine, int exitCode, string capture)
    {
        Commands.Answer(commandLine, new CommandResult(exitCode, "", Fixture(capture)));
        return this;
    }

    /// <summary>Rewrites a file after the next command, as the tool would have.</summary>
    public void AfterRunReplace(string path, string from, string to) =>
        Commands.AfterRun = _ => Machine.Write(path, Machine.Read(path).Replace(from, to, StringComparison.Ordinal));

    public static string Fixture(string file) => FixtureMachine.ReadText("debian12", "accounts/" + file);

    public void Dispose() => Machine.Dispose();

    // The real uid and gid of this process, from /proc/self/status ("Uid:\treal\teffective…").
    private static (int Uid, int Gid) OwnIds()
    {
        var lines = File.ReadAllLines("/proc/self/status");
        int Field(string name) => int.Parse(lines.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split('\t')[1], CultureInfo.InvariantCulture);
        return (Field("Uid:"), Field("Gid:"));
    }
}
