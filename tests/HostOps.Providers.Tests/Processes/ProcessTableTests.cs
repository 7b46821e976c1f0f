using HostOps.Providers.Processes;
using HostOps.Providers.System;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.Processes;

public sealed class ProcessTableTests
{
    private static readonly DateTimeOffset Boot = DateTimeOffset.FromUnixTimeSeconds(ProcessTree.BootTime);

    [Fact]
    public void Each_field_is_read_exactly_from_the_fixture_tree()
    {
        using var machine = new TempMachine().WithProcesses();

        var entry = Table(machine.Root).Get(4242);

        entry.Argv.ShouldBe(["python3", "-m", "http.server", "--bind", "127.0.0.1"]);
        (entry with { Argv = [] }).ShouldBe(new ProcessEntry(
            Pid: 4242,
            Ppid: 1,
            Uid: 1000,
            User: "alice",
            Name: "my (weird) name",
            Command: "python3 -m http.server --bind 127.0.0.1",
            State: "running",
            CpuPercent: 12.0,
            RssBytes: 25600L * Environment.SystemPageSize,
            StartTime: Boot.AddSeconds(5000),
            Threads: 4,
            Argv: [],
            StartTicks: 500000));
    }

    [Fact]
    public void A_kernel_thread_is_named_in_brackets_and_an_effective_uid_without_a_name_stays_a_number()
    {
        using var machine = new TempMachine().WithProcesses();
        var table = Table(machine.Root);

        var kernel = table.Get(2);
        kernel.Command.ShouldBe("[kthreadd]");
        kernel.Argv.ShouldBeEmpty();
        kernel.User.ShouldBe("root");

        var zombie = table.Get(5000);
        (zombie.Command, zombie.User, zombie.State, zombie.Ppid).ShouldBe(("[tmux: server]", "1001", "zombie", 4242));
    }

    [Theory]
    [InlineData("cpu", new[] { 4242, 1, 2, 5000 })]
    [InlineData("rss", new[] { 4242, 1, 2, 5000 })]
    [InlineData("pid", new[] { 1, 2, 4242, 5000 })]
    [InlineData("start", new[] { 5000, 4242, 2, 1 })]
    public void Sorts_and_skips_what_vanished_and_what_is_not_a_process(string sort, int[] pids)
    {
        using var machine = new TempMachine().WithProcesses();

        var listing = Table(machine.Root).List(sort, 50, null, null);

        listing.Processes.Select(p => p.Pid).ShouldBe(pids);
        listing.Total.ShouldBe(4);
        listing.Processes.Single(p => p.Pid == 1).CpuPercent.ShouldBe(3.9);
    }

    [Theory]
    [InlineData("alice", null, new[] { 4242 })]
    [InlineData("1000", null, new[] { 4242 })]
    [InlineData("root", null, new[] { 1, 2 })]
    [InlineData("1001", null, new[] { 5000 })]
    [InlineData(null, "weird", new[] { 4242 })]
    [InlineData(null, "python", new[] { 4242 })]
    [InlineData(null, "init", new[] { 1 })]
    [InlineData("root", "init", new[] { 1 })]
    [InlineData("nobody", null, new int[0])]
    public void Filters_by_user_name_or_uid_and_by_name(string? user, string? name, int[] pids)
    {
        using var machine = new TempMachine().WithProcesses();

        var listing = Table(machine.Root).List("pid", 50, user, name);

        listing.Processes.Select(p => p.Pid).ShouldBe(pids);
        listing.Total.ShouldBe(pids.Length);
    }

    [Fact]
    public void The_limit_cuts_the_list_but_not_the_total()
    {
        using var machine = new TempMachine().WithProcesses();

        var listing = Table(machine.Root).List("cpu", 2, null, null);

        listing.Processes.Select(p => p.Pid).ShouldBe([4242, 1]);
        listing.Total.ShouldBe(4);
    }

    [Theory]
    [InlineData(77)]
    [InlineData(31337)]
    public void A_pid_without_a_process_is_a_clear_error(int pid)
    {
        using var machine = new TempMachine().WithProcesses();

        Should.Throw<HostProviderException>(() => Table(machine.Root).Get(pid)).Message.ShouldBe($"no process with pid {pid}");
    }

    [Fact]
    public void A_host_without_proc_says_so()
    {
        using var machine = new TempMachine();

        Should.Throw<HostProviderException>(() => Table(machine.Root).List("cpu", 50, null, null)).Message.ShouldBe("/proc/stat does not exist on this host");
    }

    [Fact]
    public void The_real_proc_has_this_test_process_with_its_command_line()
    {
        var table = Table(HostRoot.Default);

        var me = table.Get(Environment.ProcessId);

        var arguments = Environment.GetCommandLineArgs()[1..];
        me.Argv.TakeLast(arguments.Length).ShouldBe(arguments);
        me.Command.ShouldBe(string.Join(' ', me.Argv));
        me.Command.ShouldContain("HostOps.Providers.Tests");
        me.User.ShouldBe(Environment.UserName);
        me.Threads.ShouldBeGreaterThan(1);
        me.RssBytes.ShouldBeGreaterThan(0);
        me.StartTime.ShouldBeInRange(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddSeconds(2));

        var listing = table.List("pid", 1000, null, me.Name);
        listing.Processes.ShouldContain(p => p.Pid == Environment.ProcessId && p.Command == me.Command);
    }

    private static ProcessTable Table(HostRoot root) => new(root, new UptimeProvider(root));
}
