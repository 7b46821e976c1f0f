using HostOps.Providers.System;
using HostOps.Testing.Fakes;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Providers.Tests.System;

public sealed class DiskProviderTests
{
    [Fact]
    public void Lists_disk_filesystems_once_per_device_and_skips_pseudo_ones()
    {
        var stats = new FakeMountStats();
        var disks = new DiskProvider(FixtureMachine.Root("ubuntu2404"), stats).Read();

        // squashfs snaps, tmpfs, cgroup… are left out; the lxd bind of nvme0n1p2 repeats "/"; \040 is a space.
        disks.Select(d => d.Name).ShouldBe(["/", "/boot/efi", "/media/alice/Backup Disk"]);
        disks[0].Total.ShouldBe(stats.Total);
        disks[0].Used.ShouldBe(stats.Used);
        disks[0].Free.ShouldBe(stats.Total - stats.Used);
        stats.Paths[0].ShouldBe(Path.Join(FixtureMachine.Directory("ubuntu2404"), "/"));
    }

    [Fact]
    public void Lists_xfs_and_leaves_out_network_shares() =>
        new DiskProvider(FixtureMachine.Root("rhel9"), new FakeMountStats()).Read()
            .Select(d => d.Name).ShouldBe(["/", "/boot", "/home"]);

    [Fact]
    public void In_a_container_lists_the_overlay_root_and_the_first_measurable_bind_of_each_device()
    {
        // File bind mounts (/etc/hosts…) cannot be measured as directories; the real stats return null for them.
        var stats = new FakeMountStats { Unreadable = new HashSet<string> { "/etc/resolv.conf", "/etc/hostname", "/etc/hosts" } };
        new DiskProvider(FixtureMachine.Root("alpine320"), stats).Read()
            .Select(d => d.Name).ShouldBe(["/", "/data"]);
    }

    [Fact]
    public void Measures_this_machine_with_statvfs()
    {
        var disks = new DiskProvider(HostRoot.Default, new DriveInfoMountStats()).Read();

        // Any Linux host (or container) lists its root; a disk cannot hold more than it has.
        disks.ShouldNotBeEmpty();
        disks.ShouldAllBe(d => d.Total > 0 && d.Used <= d.Total && d.Free <= d.Total);
    }

    [Fact]
    public void A_missing_mount_table_is_reported() =>
        Should.Throw<HostProviderException>(() => new DiskProvider(FixtureMachine.Root("centos6"), new FakeMountStats()).Read())
            .Message.ShouldBe("/proc/mounts does not exist on this host");
}
