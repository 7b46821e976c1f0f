using HostOps.Contracts.Operations.Sysctl;
using HostOps.Providers.Sysctl;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Sysctl;

/// <summary>Reads against this machine's /proc/sys; writes against a machine laid out in a temporary directory.</summary>
public sealed class SysctlProviderTests
{
    private static readonly HostChangeGuard Allowed = new(() => true);

    [Fact]
    public void Reads_this_machines_kernel_parameters_from_proc_sys()
    {
        var reader = new SysctlReader(HostRoot.Default);

        reader.Read("kernel.ostype").Value.ShouldBe("Linux");
        var kernel = reader.List("kernel");
        kernel.ShouldContain(p => p.Key == "kernel.ostype" && p.Value == "Linux");
        kernel.ShouldAllBe(p => p.Key.StartsWith("kernel.", StringComparison.Ordinal));
        reader.List(null).ShouldNotContain(p => p.Key == "vm.compact_memory"); // write-only
    }

    [Fact]
    public void A_vector_reads_with_single_spaces_and_an_unknown_key_is_refused()
    {
        using var machine = Machine();

        new SysctlReader(machine.Root).Read("net.ipv4.ip_local_port_range").Value.ShouldBe("32768 60999");
        Should.Throw<HostProviderException>(() => new SysctlReader(machine.Root).Read("net.ipv4.nope"))
            .Message.ShouldStartWith("net.ipv4.nope: no such kernel parameter on this host");
    }

    [Fact]
    public void Set_with_persist_writes_proc_and_the_hostops_file_keeping_its_other_lines_then_changes_nothing()
    {
        using var machine = Machine().Write(SysctlOperations.PersistedFile, "# kept\nvm.swappiness = 10\n");
        var setter = Setter(machine);

        var first = setter.Set("net.ipv4.ip_forward", "1", persist: true, dryRun: false);
        var second = setter.Set("net.ipv4.ip_forward", "1", persist: true, dryRun: false);

        first.ShouldBe(new SysctlChange(new SysctlParameter { Key = "net.ipv4.ip_forward", Value = "1", Persisted = "1" }, true));
        second.Changed.ShouldBeFalse();
        machine.Read("/proc/sys/net/ipv4/ip_forward").ShouldBe("1\n");
        machine.Read(SysctlOperations.PersistedFile).ShouldBe("# kept\nvm.swappiness = 10\nnet.ipv4.ip_forward = 1\n");
    }

    [Fact]
    public void Set_without_persist_leaves_the_file_alone_and_a_new_file_gets_a_header()
    {
        using var machine = Machine();
        var setter = Setter(machine);

        setter.Set("vm.swappiness", "10", persist: false, dryRun: false).Changed.ShouldBeTrue();
        File.Exists(machine.PathOf(SysctlOperations.PersistedFile)).ShouldBeFalse();

        setter.Set("vm.swappiness", "10", persist: true, dryRun: false).Changed.ShouldBeTrue();
        machine.Read(SysctlOperations.PersistedFile).ShouldEndWith("edit them through HostOps.\nvm.swappiness = 10\n");
        Directory.GetFiles(machine.PathOf("/etc/sysctl.d")).Length.ShouldBe(1); // no temporary file left
    }

    [Fact]
    public void A_dry_run_answers_the_values_it_would_have_and_writes_nothing_even_without_permission()
    {
        using var machine = Machine();

        var change = new SysctlSetter(machine.Root, new HostChangeGuard(() => false), new SysctlReader(machine.Root))
            .Set("net.ipv4.ip_local_port_range", "1024\t65000", persist: true, dryRun: true);

        change.ShouldBe(new SysctlChange(new SysctlParameter { Key = "net.ipv4.ip_local_port_range", Value = "1024 65000", Persisted = "1024 65000" }, true));
        machine.Read("/proc/sys/net/ipv4/ip_local_port_range").ShouldBe("32768\t60999\n");
    }

    [Fact]
    public void Without_permission_a_change_is_refused()
    {
        using var machine = Machine();

        Should.Throw<HostProviderException>(() => new SysctlSetter(machine.Root, new HostChangeGuard(() => false), new SysctlReader(machine.Root))
            .Set("net.ipv4.ip_forward", "1", persist: false, dryRun: false)).Message.ShouldContain("HOSTOPS_ALLOW_HOST_CHANGES=1");
        machine.Read("/proc/sys/net/ipv4/ip_forward").ShouldBe("0\n");
    }

    [Fact]
    public void Removing_the_persisted_entry_keeps_the_running_value_and_other_lines()
    {
        using var machine = Machine().Write(SysctlOperations.PersistedFile, "# kept\nnet.ipv4.ip_forward = 1\nvm.swappiness = 10\n");
        var setter = Setter(machine);

        var first = setter.RemovePersisted("net.ipv4.ip_forward", dryRun: false);
        var second = setter.RemovePersisted("net.ipv4.ip_forward", dryRun: false);

        (first.Changed, first.Parameter.Value, first.Parameter.Persisted).ShouldBe((true, "0", null));
        second.Changed.ShouldBeFalse();
        machine.Read(SysctlOperations.PersistedFile).ShouldBe("# kept\nvm.swappiness = 10\n");
    }

    [Theory]
    [InlineData("net.ipv4.ip_forward", null)]
    [InlineData("net..ipv4", "key: 'net..ipv4' is not a sysctl key")]
    [InlineData("net/ipv4", "key: 'net/ipv4' is not a sysctl key")]
    [InlineData("../../etc/passwd", "key: '../../etc/passwd' is not a sysctl key")]
    [InlineData("Net.IPv4", "key: 'Net.IPv4' is not a sysctl key")]
    [InlineData("", "key: is required")]
    public void Keys_are_dotted_segments_of_lower_case_digits_underscore_and_dash(string key, string? error) =>
        SysctlRules.Key("key", key).ShouldBe(error is null ? null : $"{error} (dotted segments of a-z 0-9 _ -, such as net.ipv4.ip_forward)".Replace("key: is required (dotted segments of a-z 0-9 _ -, such as net.ipv4.ip_forward)", "key: is required"));

    private static SysctlSetter Setter(TempMachine machine) => new(machine.Root, Allowed, new SysctlReader(machine.Root));

    private static TempMachine Machine() => new TempMachine()
        .Write("/proc/sys/net/ipv4/ip_forward", "0\n")
        .Write("/proc/sys/net/ipv4/ip_local_port_range", "32768\t60999\n")
        .Write("/proc/sys/vm/swappiness", "60\n");
}
