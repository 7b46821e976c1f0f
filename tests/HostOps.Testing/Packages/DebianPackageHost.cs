using HostOps.Providers.Commands;
using HostOps.Testing.Fakes;
using HostOps.Testing.Fixtures;
using static HostOps.Testing.Packages.PackageCommandLines;

namespace HostOps.Testing.Packages;

/// <summary>
/// Makes a <see cref="FakeCommandRunner"/> answer as the Debian 12 machine of the fixtures (debian12/packages)
/// would: dpkg is installed, hello is not until <c>apt-get install … hello</c> runs, and is gone again after
/// <c>apt-get remove … hello</c>; 142 upgrades are pending.
/// </summary>
public static class DebianPackageHost
{
    public const string Machine = "debian12";

    public static FakeCommandRunner AsDebianPackageHost(this FakeCommandRunner runner)
    {
        runner
            .Answer(DpkgList, Fixture("dpkg-query-list.txt"))
            .Answer(DpkgFind("dpkg"), Fixture("dpkg-query-dpkg.txt"))
            .Answer(AptPolicy("dpkg"), Fixture("apt-cache-policy-dpkg.txt"))
            .Answer(AptPolicy("hello"), Fixture("apt-cache-policy-hello.txt"))
            .Answer(AptPending, Fixture("apt-get-s-upgrade.txt"))
            .Answer(AptSimulateInstall("hello"), Fixture("apt-get-s-install-hello.txt"))
            .Answer(AptSimulateInstall("nosuchpkg-xyz"), new CommandResult(100, "Reading package lists...\n", Fixture("apt-get-s-install-unknown.stderr.txt")));
        HelloInstalled(runner, false);
        runner.AfterRun = call =>
        {
            if (call.CommandLine == AptInstall("hello") || call.CommandLine == AptRemove("hello"))
            {
                HelloInstalled(runner, call.CommandLine == AptInstall("hello"));
            }
        };
        return runner;
    }

    public static string Fixture(string name) => FixtureMachine.ReadText(Machine, Path.Combine("packages", name));

    private static void HelloInstalled(FakeCommandRunner runner, bool installed) =>
        runner.Answer(DpkgFind("hello"), installed
            ? new CommandResult(0, Fixture("dpkg-query-hello.txt"), "")
            : new CommandResult(1, "", Fixture("dpkg-query-hello-missing.stderr.txt")));
}
