using System.Diagnostics;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;
using HostOps.Contracts.Text;
using HostOps.Jobs.Client;
using HostOps.Jobs.Index;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Store;
using HostOps.Testing.Jobs;
using HostOps.Testing.Nats;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HostOps.Jobs.Tests.Client;

public sealed class JobClientTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_submitted_job_is_stored_unprocessed_and_visible_at_once()
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url);

        var submitted = await system.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), null, Ct);

        submitted.Status.ShouldBe(JobStatus.Unprocessed);
        var job = await system.Client.GetAsync(submitted.JobId, Ct);
        job.ShouldNotBeNull();
        job.Status.ShouldBe(JobStatus.Unprocessed);
        job.TargetHostname.ShouldBe("_any");
        job.Operation.Type.ShouldBe(OperationTypes.HostnameGet);
        var stats = await system.Client.GetStatsAsync(Ct);
        stats.TotalJobs.ShouldBe(1);
        stats.StatusCounts[JobStatus.Unprocessed].ShouldBe(1);
        stats.OperationCounts[OperationTypes.HostnameGet].ShouldBe(1);
    }

    [Fact]
    public async Task Listing_is_newest_first_and_filters_by_status()
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await system.Client.SubmitAsync(new JobOperation(OperationTypes.UptimeGet), "_any", Ct)).JobId);
        }

        var all = await system.Client.ListAsync(null, 10, 0, Ct);
        all.TotalItems.ShouldBe(3);
        all.Items.Select(j => j.Id).ShouldBe(Enumerable.Reverse(ids));
        (await system.Client.ListAsync(JobStatus.Unprocessed, 1, 1, Ct)).Items.Single().Id.ShouldBe(ids[1]);
        (await system.Client.ListAsync(JobStatus.Completed, 10, 0, Ct)).TotalItems.ShouldBe(0);
    }

    [Fact]
    public async Task Listing_filters_by_operation_and_target_with_the_matching_total_and_cursor_pages()
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url);
        var web = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            // Four go to web-01 (uptime and hostname reads), two uptime reads to db-01.
            var (operation, target) = (i % 3) switch
            {
                0 => (OperationTypes.UptimeGet, "web-01"),
                1 => (OperationTypes.HostnameGet, "web-01"),
                _ => (OperationTypes.UptimeGet, "db-01"),
            };
            var id = (await system.Client.SubmitAsync(new JobOperation(operation), target, Ct)).JobId;
            if (target == "web-01")
            {
                web.Add(id);
            }
        }

        var first = await system.Client.ListAsync(new JobListQuery(null, 3, Target: "web-01"), Ct);
        first.TotalItems.ShouldBe(4);
        first.Items.Select(j => j.Id).ShouldBe(Enumerable.Reverse(web).Take(3));
        var rest = await system.Client.ListAsync(new JobListQuery(null, 3, Cursor: first.Next, Target: "web-01"), Ct);
        rest.Items.Select(j => j.Id).ShouldBe([web[0]]);
        rest.Next.ShouldBeNull();

        var uptimeOnWeb = await system.Client.ListAsync(new JobListQuery(JobStatus.Unprocessed, 10, Operation: OperationTypes.UptimeGet, Target: "web-01"), Ct);
        uptimeOnWeb.TotalItems.ShouldBe(2);
        uptimeOnWeb.Items.ShouldAllBe(j => j.Operation.Type == OperationTypes.UptimeGet && j.TargetHostname == "web-01");
        (await system.Client.ListAsync(new JobListQuery(JobStatus.Completed, 10, Target: "web-01"), Ct)).TotalItems.ShouldBe(0);
    }

    [Fact]
    public async Task Pages_continue_by_cursor_without_repeats_or_gaps_while_jobs_arrive()
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await system.Client.SubmitAsync(new JobOperation(OperationTypes.UptimeGet), null, Ct)).JobId);
        }

        var first = await system.Client.ListAsync(null, 2, 0, null, Ct);
        first.Items.Select(j => j.Id).ShouldBe([ids[4], ids[3]]);
        first.Next.ShouldNotBeNull();
        await system.Client.SubmitAsync(new JobOperation(OperationTypes.UptimeGet), null, Ct);

        var second = await system.Client.ListAsync(null, 2, 0, first.Next, Ct);
        second.Items.Select(j => j.Id).ShouldBe([ids[2], ids[1]]);
        second.TotalItems.ShouldBe(6);
        var last = await system.Client.ListAsync(null, 2, 0, second.Next, Ct);
        last.Items.Select(j => j.Id).ShouldBe([ids[0]]);
        last.Next.ShouldBeNull();
        (await system.Client.ListAsync(JobStatus.Unprocessed, 10, 1, first.Next, Ct)).Items.Select(j => j.Id).ShouldBe([ids[1], ids[0]]);
        (await system.Client.ListAsync(null, 6, 0, null, Ct)).Next.ShouldBeNull();
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("AQ")]
    [InlineData("AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_cursor_that_no_page_gave_is_refused_naming_the_field(string cursor)
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url);

        var error = await Should.ThrowAsync<JobRequestException>(() => system.Client.ListAsync(null, 10, 0, cursor, Ct));

        error.Field.ShouldBe("cursor");
    }

    [Fact]
    public async Task The_index_ignores_a_shared_claim_of_a_job_sent_to_one_host()
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url);
        var id = (await system.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "web1", Ct)).JobId;
        var store = await system.Buckets.JobsAsync(Ct);
        var now = DateTimeOffset.UtcNow;
        var forged = await store.PutAsync(
            JobKeys.Claim(id, 1, JobSubjects.AnyRoute, "web1"), new JobEvent(JobEventKind.Completed, 1, now, "web1"), JobSerializers.Event, Ct);
        await system.Services.GetRequiredService<JobIndex>().WaitForRevisionAsync(forged, TimeSpan.FromSeconds(5), Ct);

        (await system.Client.GetAsync(id, Ct))!.Status.ShouldBe(JobStatus.Unprocessed);

        var claimed = await store.PutAsync(
            JobKeys.Claim(id, 1, JobSubjects.Route(JobTarget.TryParse("web1", out _)!), "web1"),
            new JobEvent(JobEventKind.Completed, 1, now, "web1"), JobSerializers.Event, Ct);
        await system.Services.GetRequiredService<JobIndex>().WaitForRevisionAsync(claimed, TimeSpan.FromSeconds(5), Ct);
        (await system.Client.GetAsync(id, Ct))!.Status.ShouldBe(JobStatus.Completed);
        (await system.Client.GetStatsAsync(Ct)).StatusCounts[JobStatus.Completed].ShouldBe(1);
    }

    [Fact]
    public async Task A_job_shows_the_input_error_and_duration_kept_in_the_bucket()
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url);
        var data = System.Text.Json.JsonDocument.Parse("""{"address":"192.0.2.1","count":2}""").RootElement;
        var id = (await system.Client.SubmitAsync(new JobOperation(OperationTypes.PingDo, data), null, Ct)).JobId;
        var store = await system.Buckets.JobsAsync(Ct);
        var now = DateTimeOffset.UtcNow;
        await store.PutAsync(JobKeys.Claim(id, 1, JobSubjects.AnyRoute, "web1"), new JobEvent(JobEventKind.Started, 1, now, "web1"), JobSerializers.Event, Ct);
        var revision = await store.PutAsync(
            JobKeys.Claim(id, 1, JobSubjects.AnyRoute, "web1"), new JobEvent(JobEventKind.Failed, 1, now.AddMilliseconds(40), "web1", "host unreachable", 40), JobSerializers.Event, Ct);
        await system.Services.GetRequiredService<JobIndex>().WaitForRevisionAsync(revision, TimeSpan.FromSeconds(5), Ct);

        var job = await system.Client.GetAsync(id, Ct);

        job.ShouldNotBeNull();
        job.Status.ShouldBe(JobStatus.Failed);
        job.Operation.Data!.Value.GetProperty("address").GetString().ShouldBe("192.0.2.1");
        job.Error.ShouldBe("host unreachable");
        job.Hostname.ShouldBe("web1");
        job.UpdatedAt.ShouldBe(now.AddMilliseconds(40));
        job.WorkerStates["web1"].Error.ShouldBe("host unreachable");
        job.WorkerStates["web1"].Duration.ShouldBe(DurationText.FormatMilliseconds(40));
        (await system.Client.ListAsync(JobStatus.Failed, 10, 0, Ct)).Items.ShouldHaveSingleItem().Error.ShouldBe("host unreachable");
    }

    [Fact]
    public async Task A_restarted_view_of_a_bucket_whose_jobs_all_aged_out_counts_at_once()
    {
        var configuration = TestJobConfiguration.Create(nats.Url, new Dictionary<string, string?> { ["job:kv:ttl"] = "1s" });
        await using (var first = await TestJobSystem.StartAsync(nats.Url, configuration))
        {
            await first.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), null, Ct);
            await first.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), null, Ct);
            var bucket = $"KV_{first.Options.Kv.Bucket}";
            while ((await first.Buckets.JetStream.GetStreamAsync(bucket, cancellationToken: Ct)).Info.State.Messages > 0)
            {
                await Task.Delay(100, Ct);
            }
        }

        await using var restarted = await TestJobSystem.StartAsync(nats.Url, configuration);
        var clock = Stopwatch.StartNew();
        var stats = await restarted.Client.GetStatsAsync(Ct);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1), "the view must not wait for a revision that expired");
        stats.TotalJobs.ShouldBe(0);
    }

    [Fact]
    public async Task A_revision_wait_that_times_out_or_is_cancelled_leaves_nothing_behind()
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url);
        var index = system.Services.GetRequiredService<JobIndex>();

        (await index.WaitForRevisionAsync(ulong.MaxValue, TimeSpan.FromMilliseconds(20), Ct)).ShouldBeFalse();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));
        await Should.ThrowAsync<OperationCanceledException>(() => index.WaitForRevisionAsync(ulong.MaxValue, TimeSpan.FromSeconds(30), cancel.Token));

        index.RevisionWaiterCount.ShouldBe(0);
    }

    [Fact]
    public async Task Deleting_a_job_removes_it_and_its_count()
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url);
        var id = (await system.Client.SubmitAsync(new JobOperation(OperationTypes.LoadGet), null, Ct)).JobId;

        (await system.Client.DeleteAsync(id, Ct)).ShouldBeTrue();

        (await system.Client.GetAsync(id, Ct)).ShouldBeNull();
        (await system.Client.GetStatsAsync(Ct)).TotalJobs.ShouldBe(0);
        (await system.Client.DeleteAsync(id, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_job_that_ages_out_of_the_bucket_leaves_the_counts()
    {
        var configuration = TestJobConfiguration.Create(nats.Url, new Dictionary<string, string?> { ["job:kv:ttl"] = "1s" });
        await using var system = await TestJobSystem.StartAsync(nats.Url, configuration);
        await system.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), null, Ct);
        (await system.Client.GetStatsAsync(Ct)).TotalJobs.ShouldBe(1);

        await Task.Delay(TimeSpan.FromSeconds(2), Ct);

        var stats = await system.Client.GetStatsAsync(Ct);
        stats.TotalJobs.ShouldBe(0);
        stats.StatusCounts[JobStatus.Unprocessed].ShouldBe(0);
        (await system.Client.ListAsync(null, 10, 0, Ct)).TotalItems.ShouldBe(0);
    }

    [Theory]
    [InlineData(null, "operation.type")]
    [InlineData("system.nothing.get", "operation.type")]
    public async Task Bad_operations_are_refused_naming_the_field(string? type, string field)
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url);

        var error = await Should.ThrowAsync<JobRequestException>(() => system.Client.SubmitAsync(new JobOperation(type!), null, Ct));

        error.Field.ShouldBe(field);
        (await system.Client.GetStatsAsync(Ct)).TotalJobs.ShouldBe(0);
    }

    [Theory]
    [InlineData("bad host!")]
    [InlineData("group:")]
    [InlineData("group:web..dev")]
    public async Task Bad_targets_are_refused_naming_the_field(string target)
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url);

        var error = await Should.ThrowAsync<JobRequestException>(() => system.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), target, Ct));

        error.Field.ShouldBe("target_hostname");
    }

    [Fact]
    public async Task A_broadcast_that_no_live_agent_matches_is_refused()
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url);

        var error = await Should.ThrowAsync<JobRequestException>(() => system.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "group:nobody", Ct));

        error.Message.ShouldContain("no live agent");
    }

    [Theory]
    [InlineData("network.ping.do", "{}", "operation.address")]
    [InlineData("network.ping.do", "{\"address\":\"example.com\"}", "operation.address")]
    [InlineData("network.ping.do", "{\"address\":\"1.1.1.1\",\"count\":0}", "operation.count")]
    [InlineData("network.dns.get", "{\"interface_name\":\"eth0; rm -rf /\"}", "operation.interface_name")]
    [InlineData("network.dns.update", "{\"interface_name\":\"eth0\",\"servers\":[\"1.1.1.1\",\"999.1.1.1\"]}", "operation.servers[1]")]
    [InlineData("network.dns.get", null, "operation.data")]
    public async Task Bad_operation_input_is_refused_naming_the_field(string type, string? json, string field)
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url);
        var data = json is null ? (System.Text.Json.JsonElement?)null : System.Text.Json.JsonDocument.Parse(json).RootElement;

        var error = await Should.ThrowAsync<JobRequestException>(() => system.Client.SubmitAsync(new JobOperation(type, data), null, Ct));

        error.Field.ShouldBe("operation.data");
        error.Message.ShouldStartWith(field);
    }
}
