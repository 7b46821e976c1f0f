using HostOps.Agent.Operations;
using HostOps.Contracts.Operations;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Operations;

public sealed class SystemHandlerTests
{
    [Fact]
    public async Task Hostname_is_the_agents_own_name() =>
        (await Run("debian12", OperationTypes.HostnameGet)).ShouldBe("""{"hostname":"agent-1"}""");

    [Fact]
    public async Task Uptime_is_compact_text_and_exact_seconds() =>
        (await Run("ubuntu2404", OperationTypes.UptimeGet))
            .ShouldBe("""{"hostname":"agent-1","uptime":"14d6h56m7s","seconds":1234567.89}""");

    [Fact]
    public async Task Os_names_distribution_and_version_under_os_info() =>
        (await Run("alpine320", OperationTypes.OsGet))
            .ShouldBe("""{"hostname":"agent-1","os_info":{"distribution":"Alpine Linux","version":"3.20.3"}}""");

    [Fact]
    public async Task Load_uses_the_1min_5min_15min_names() =>
        (await Run("ubuntu2404", OperationTypes.LoadGet))
            .ShouldBe("""{"hostname":"agent-1","load_average":{"1min":1.05,"5min":0.87,"15min":0.66}}""");

    [Fact]
    public async Task Memory_is_in_bytes() =>
        (await Run("rhel9", OperationTypes.MemoryGet))
            .ShouldBe("""{"hostname":"agent-1","memory":{"total":3975176192,"free":2673872896,"used":1301303296}}""");

    [Fact]
    public async Task Disks_list_each_real_filesystem() =>
        (await Run("rhel9", OperationTypes.DiskGet)).ShouldBe(
            """{"hostname":"agent-1","disks":[{"name":"/","total":1000,"used":400,"free":600},{"name":"/boot","total":1000,"used":400,"free":600},{"name":"/home","total":1000,"used":400,"free":600}]}""");

    [Fact]
    public async Task Status_has_every_reading_in_one_answer() =>
        (await Run("ubuntu2404", OperationTypes.StatusGet)).ShouldBe(
            string.Concat(
                """{"hostname":"agent-1","uptime":"14d6h56m7s","load_average":{"1min":1.05,"5min":0.87,"15min":0.66},""",
                """ "memory":{"total":16698859520,"free":10113576960,"used":6585282560},""".TrimStart(),
                """ "disks":[{"name":"/","total":1000,"used":400,"free":600},{"name":"/boot/efi","total":1000,"used":400,"free":600},""".TrimStart(),
                """{"name":"/media/alice/Backup Disk","total":1000,"used":400,"free":600}],""",
                """ "os_info":{"distribution":"Ubuntu","version":"24.04"}}""".TrimStart()));

    [Theory]
    [InlineData(OperationTypes.StatusGet, "/proc/uptime does not exist on this host")]
    [InlineData(OperationTypes.UptimeGet, "/proc/uptime does not exist on this host")]
    [InlineData(OperationTypes.LoadGet, "/proc/loadavg does not exist on this host")]
    [InlineData(OperationTypes.DiskGet, "/proc/mounts does not exist on this host")]
    [InlineData(OperationTypes.OsGet, "neither /etc/os-release nor /usr/lib/os-release exists on this host")]
    public async Task A_reading_this_host_cannot_give_fails_the_job_with_the_reason(string operation, string reason) =>
        (await Should.ThrowAsync<OperationFailedException>(() => Run("centos6", operation))).Message.ShouldBe(reason);

    [Fact]
    public async Task Unreadable_content_fails_the_job_instead_of_crashing() =>
        (await Should.ThrowAsync<OperationFailedException>(() => Run("broken", OperationTypes.LoadGet)))
            .Message.ShouldBe("/proc/loadavg has unexpected content: 'garbage'");

    private static async Task<string> Run(string machine, string operation)
    {
        using var host = new HandlerHost(FixtureMachine.Root(machine));
        return await host.RunAsync(operation);
    }
}
