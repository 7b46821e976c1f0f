using System.Net;
using System.Text.Json;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;

namespace HostOps.Api.Tests.Jobs;

/// <summary>The job endpoints over the real job system and agent: submit, read, list, count, workers, delete, retry.</summary>
public sealed class JobEndpointTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private static readonly string Admin = TestTokens.ForRole(Scopes.Admin);
    private TestApi _api = shared.Api;

    [Fact]
    public async Task A_submitted_job_is_201_with_its_location_and_completes_with_the_hosts_response()
    {
        using var submitted = await _api.Client.SendAsync(HttpMethod.Post, "/job", Admin, """{"operation":{"type":"system.hostname.get","data":{}},"target_hostname":"_any"}""");
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await submitted.ReadJsonAsync();
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["job_id", "status", "revision", "timestamp"]);
        body.GetProperty("status").GetString().ShouldBe("unprocessed");
        var id = body.GetProperty("job_id").GetGuid();
        submitted.Headers.Location!.ToString().ShouldBe($"/job/{id}");

        var job = await CompletedAsync(id);
        job.GetProperty("status").GetString().ShouldBe("completed");
        job.GetProperty("hostname").GetString().ShouldBe(_api.AgentHostname);
        job.GetProperty("result").GetProperty("hostname").GetString().ShouldBe(_api.AgentHostname);
        job.GetProperty("responses").GetProperty(_api.AgentHostname).GetProperty("data").GetProperty("hostname").GetString().ShouldBe(_api.AgentHostname);
        job.GetProperty("worker_states").GetProperty(_api.AgentHostname).GetProperty("status").GetString().ShouldBe("completed");
        job.GetProperty("attempts").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Listing_is_newest_first_filters_by_status_and_pages()
    {
        // No job of the dead-letter queue at all: a job system of its own, not the class's.
        await using var own = await TestApi.StartAsync(shared.Nats.Url);
        _api = own;
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SubmitAsync("""{"operation":{"type":"system.uptime.get"}}"""));
        }

        foreach (var id in ids)
        {
            await CompletedAsync(id);
        }

        using var page = await _api.Client.SendAsync(HttpMethod.Get, "/job?status=completed&limit=2&offset=0", Admin);
        var list = await page.ReadJsonAsync();
        list.GetProperty("total_items").GetInt32().ShouldBeGreaterThanOrEqualTo(3);
        var items = list.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetGuid()).ToList();
        items.Count.ShouldBe(2);
        items[0].ShouldBe(ids[2]);
        items[1].ShouldBe(ids[1]);

        using var none = await _api.Client.SendAsync(HttpMethod.Get, "/job?status=dlq", Admin);
        (await none.ReadJsonAsync()).GetProperty("total_items").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Listing_filters_by_operation_and_target_hostname()
    {
        var target = $"filter-{Guid.NewGuid():N}"[..20];
        var mine = await SubmitAsync($$"""{"operation":{"type":"system.uptime.get"},"target_hostname":"{{target}}"}""");
        await SubmitAsync($$"""{"operation":{"type":"system.hostname.get"},"target_hostname":"{{target}}"}""");

        using var page = await _api.Client.SendAsync(HttpMethod.Get, $"/job?operation=system.uptime.get&target_hostname={target}", Admin);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await page.ReadJsonAsync();
        list.GetProperty("total_items").GetInt32().ShouldBe(1);
        list.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(mine);
    }

    [Theory]
    [InlineData("/job?operation=system.nothing.get", "operation: is not a known operation type")]
    [InlineData("/job?target_hostname=a%20b", "target_hostname: ")]
    [InlineData("/job?status=finished", "status: must be one of")]
    public async Task A_bad_list_filter_is_400_naming_it(string path, string details)
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Get, path, Admin);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldStartWith(details);
    }

    [Fact]
    public async Task Listing_continues_by_the_next_cursor_and_says_null_on_the_last_page()
    {
        // The last page must hold only this test's first job: a job system of its own, not the class's.
        await using var own = await TestApi.StartAsync(shared.Nats.Url);
        _api = own;
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SubmitAsync("""{"operation":{"type":"system.uptime.get"}}"""));
        }

        using var first = await _api.Client.SendAsync(HttpMethod.Get, "/job?limit=2", Admin);
        var page = await first.ReadJsonAsync();
        page.EnumerateObject().Select(p => p.Name).ShouldBe(["total_items", "items", "next"]);
        page.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetGuid()).ShouldBe([ids[2], ids[1]]);
        var next = page.GetProperty("next").GetString()!;
        await SubmitAsync("""{"operation":{"type":"system.uptime.get"}}""");

        using var second = await _api.Client.SendAsync(HttpMethod.Get, $"/job?limit=2&cursor={Uri.EscapeDataString(next)}", Admin);
        var last = await second.ReadJsonAsync();
        last.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetGuid()).ShouldBe([ids[0]]);
        last.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Status_counts_and_workers_come_from_live_data()
    {
        var id = await SubmitAsync("""{"operation":{"type":"system.hostname.get"}}""");
        await CompletedAsync(id);

        using var stats = await _api.Client.SendAsync(HttpMethod.Get, "/job/status", Admin);
        var body = await stats.ReadJsonAsync();
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["total_jobs", "status_counts", "operation_counts", "dlq_count"]);
        body.GetProperty("operation_counts").GetProperty("system.hostname.get").GetInt32().ShouldBeGreaterThanOrEqualTo(1);

        using var workers = await _api.Client.SendAsync(HttpMethod.Get, "/job/workers", Admin);
        var list = await workers.ReadJsonAsync();
        list.GetProperty("total").GetInt32().ShouldBe(1);
        var worker = list.GetProperty("workers")[0];
        worker.EnumerateObject().Select(p => p.Name).ShouldBe(["hostname", "labels", "last_seen", "version"]);
        worker.GetProperty("hostname").GetString().ShouldBe(_api.AgentHostname);
        worker.GetProperty("labels").GetProperty("role").GetString().ShouldBe("test");
    }

    [Fact]
    public async Task Delete_is_204_then_the_job_is_gone()
    {
        var id = await SubmitAsync("""{"operation":{"type":"system.hostname.get"}}""");
        await CompletedAsync(id);

        using var deleted = await _api.Client.SendAsync(HttpMethod.Delete, $"/job/{id}", Admin);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var gone = await _api.Client.SendAsync(HttpMethod.Get, $"/job/{id}", Admin);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var again = await _api.Client.SendAsync(HttpMethod.Delete, $"/job/{id}", Admin);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await again.ReadErrorAsync()).Code.ShouldBe(404);
    }

    [Fact]
    public async Task A_failed_job_retries_as_a_new_attempt_and_a_completed_one_is_409()
    {
        var unreachable = JsonSerializer.Serialize(CannedHandlers.UnreachableAddress);
        var failed = await SubmitAsync($$"""{"operation":{"type":"network.ping.do","data":{"address":{{unreachable}} } } }""");
        (await CompletedAsync(failed)).GetProperty("status").GetString().ShouldBe("failed");

        using var retried = await _api.Client.SendAsync(HttpMethod.Post, $"/job/{failed}/retry", Admin);
        retried.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.GetAsync(() => JobAsync(failed), j => j.GetProperty("attempts").GetInt32() == 2 && j.GetProperty("status").GetString() == "failed", what: "second attempt failed");

        var completed = await SubmitAsync("""{"operation":{"type":"system.hostname.get"}}""");
        await CompletedAsync(completed);
        using var conflict = await _api.Client.SendAsync(HttpMethod.Post, $"/job/{completed}/retry", Admin);
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await conflict.ReadErrorAsync()).Details.ShouldBe("the job already completed");

        using var missing = await _api.Client.SendAsync(HttpMethod.Post, $"/job/{Guid.NewGuid()}/retry", Admin);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<Guid> SubmitAsync(string body)
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Post, "/job", Admin, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("job_id").GetGuid();
    }

    private async Task<JsonElement> JobAsync(Guid id)
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Get, $"/job/{id}", Admin);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    private Task<JsonElement> CompletedAsync(Guid id) =>
        Eventually.GetAsync(() => JobAsync(id), j => j.GetProperty("status").GetString() is "completed" or "failed", what: $"job {id} finished");
}
