namespace HostOps.Testing.Fixtures;

/// <summary>
/// A /proc with four processes, for exact parsing. The stat lines are real ones captured on a Debian 12 host (kernel
/// 6.18), with their numbers and names changed to make the figures easy to check: pid 4242's name holds spaces and
/// parentheses, pid 2 is a kernel thread (no command line), pid 5000 a zombie whose effective uid /etc/passwd does
/// not name, and pid 77 vanished (its directory is left but its files are gone).
/// </summary>
public static class ProcessTree
{
    /// <summary>The host booted at 2023-11-14T22:13:20Z and has been up 10 000 s.</summary>
    public const long BootTime = 1_700_000_000;

    public static TempMachine WithProcesses(this TempMachine machine)
    {
        machine
            .Write("/proc/stat", "cpu  100 0 100 1000 0 0 0 0 0 0\ncpu0 100 0 100 1000 0 0 0 0 0 0\nintr 1 2 3\nctxt 5\nbtime 1700000000\nprocesses 6000\n")
            .Write("/proc/uptime", "10000.00 18000.00\n")
            .Write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000:Alice:/home/alice:/bin/bash\nalice2:x:1000:1000::/home/alice2:/bin/sh\n")
            .CreateDirectory("/proc/sys")
            .CreateDirectory("/proc/self")
            .CreateDirectory("/proc/77");

        // utime 10648 + stime 28706 ticks over 9 999.8 s since start (tick 20) → 3.9 %.
        Process(machine, 1, "1 (systemd) S 0 1 1 0 -1 4194560 302515 306277377 0 14463 10648 28706 5636878 1183428 20 0 13 0 20 44773376 3273 18446744073709551615 1 1 0 0 0 0 0 4096 1256 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n", "0\t0\t0\t0", "/sbin/init\0splash\0");
        Process(machine, 2, "2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 1 0 0 20 0 1 0 20 0 0 18446744073709551615 0 0 0 0 0 0 0 2147483647 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n", "0\t0\t0\t0", "");

        // 600 s of CPU over the 5 000 s since it started (tick 500 000) → 12.0 %; 25 600 pages resident.
        Process(machine, 4242, "4242 (my (weird) name) R 1 4242 4242 0 -1 4194304 96 0 0 0 50000 10000 0 0 20 0 4 0 500000 3133440 25600 18446744073709551615 94416679497728 94416679517609 140722336079904 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 94416679533616 94416679535232 94416891555840 140722336082209 140722336082229 140722336082229 140722336083947 0\n", "1000\t1000\t1000\t1000", "python3\0-m\0http.server\0--bind\0127.0.0.1\0");

        // Real uid 0, effective uid 1001 (no passwd entry).
        Process(machine, 5000, "5000 (tmux: server) Z 4242 5000 5000 0 -1 4227084 0 0 0 0 0 0 0 0 20 0 1 0 900000 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n", "0\t1001\t1001\t1001", "");
        return machine;
    }

    private static void Process(TempMachine machine, int pid, string stat, string uids, string cmdline) =>
        machine
            .Write($"/proc/{pid}/stat", stat)
            .Write($"/proc/{pid}/status", $"Name:\tx\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t{pid}\nPid:\t{pid}\nUid:\t{uids}\nGid:\t0\t0\t0\t0\nThreads:\t1\n")
            .Write($"/proc/{pid}/cmdline", cmdline);
}
