using HostOps.Jobs.Index;
using HostOps.Testing.Jobs;
using HostOps.Testing.Nats;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HostOps.Jobs.Tests.Index;

/// <summary>Heap measurements need the process to themselves: this collection runs after the parallel ones, alone.</summary>
[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;

[Collection(nameof(MemoryMeasurements))]
public sealed class JobIndexMemoryTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private const int Jobs = 40_000;

    [Fact]
    public async Task The_index_holds_a_compact_summary_per_job_not_its_definition_and_events()
    {
        var ct = TestContext.Current.CancellationToken;
        // 41k definitions take more than the suite's small default bucket size.
        await using var system = await TestJobSystem.StartAsync(
            nats.Url, TestJobConfiguration.Create(nats.Url, new Dictionary<string, string?> { ["job:kv:max_bytes"] = "128MiB" }));
        var index = system.Services.GetRequiredService<JobIndex>();
        var store = await system.Buckets.JobsAsync(ct);
        var start = DateTimeOffset.UtcNow;
        (await index.WaitForRevisionAsync(await StoredJobs.WriteAsync(store, 1_000, start, cancellationToken: ct), TimeSpan.FromSeconds(30), ct)).ShouldBeTrue();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var last = await StoredJobs.WriteAsync(store, Jobs, start.AddSeconds(10), cancellationToken: ct);
        (await index.WaitForRevisionAsync(last, TimeSpan.FromSeconds(60), ct)).ShouldBeTrue();
        var after = GC.GetTotalMemory(forceFullCollection: true);

        index.Counts().Total.ShouldBe(Jobs + 1_000);
        var perJob = (after - before) / (double)Jobs;
        TestContext.Current.SendDiagnosticMessage($"index: {perJob:F0} bytes per job");
        perJob.ShouldBeLessThan(400, "bytes per job held by the index (goal 300 at 1M, see docs/benchmarks.md)");
        GC.KeepAlive(system);
    }
}
