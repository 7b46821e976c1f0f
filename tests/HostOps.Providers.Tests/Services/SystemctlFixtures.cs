using HostOps.Providers.Services;
using HostOps.Testing.Fakes;
using HostOps.Testing.Fixtures;

namespace HostOps.Providers.Tests.Services;

/// <summary>The systemctl outputs of the debian12 fixture machine (see its systemctl/README.md) and the command lines that print them.</summary>
internal static class SystemctlFixtures
{
    public const string ListUnits = "systemctl list-units --type=service --all --plain --no-legend --no-pager --full";
    public const string ListUnitFiles = "systemctl list-unit-files --type=service --no-legend --no-pager";

    public static string Show(params string[] units) =>
        $"systemctl show --property={SystemctlOutput.ShowProperties} --no-pager -- {string.Join(' ', units)}";

    public static string Read(string file) => FixtureMachine.ReadText("debian12", "systemctl/" + file);

    /// <summary>A machine where systemd runs (<c>/run/systemd/system</c> exists).</summary>
    public static TempMachine WithSystemd() => new TempMachine().CreateDirectory("/run/systemd/system");

    /// <summary>A runner answering <c>systemctl show</c> of each unit with its fixture (<c>show-ssh.txt</c> for ssh.service).</summary>
    public static FakeCommandRunner Units(params string[] names)
    {
        var runner = new FakeCommandRunner();
        foreach (var name in names)
        {
            runner.Answer(Show(name + ".service"), Read($"show-{name}.txt"));
        }

        return runner;
    }
}
