using System.Net;
using HostOps.Api.Endpoints.Jobs;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Client;
using HostOps.Client.Errors;
using HostOps.Client.Events;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Security;
using HostOps.Jobs.Events;
using HostOps.Testing.Nats;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Api.Tests.Jobs;

/// <summary>GET /job/events and /job/{id}/events over the real job system and agent, read with the SDK's SSE reader.</summary>
public sealed class JobEventEndpointTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private static readonly string Reader = TestTokens.ForRole(Scopes.Read);
    private readonly TestApi _api = shared.Api;
    private readonly NatsFixture _nats = shared.Nats;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_jobs_own_stream_gives_its_events_in_order_and_ends_when_it_completes()
    {
        var api = _api;
        var sdk = new HostOpsApiClient(api.Client, Reader);
        var id = await SubmitAsync(api, "system.hostname.get");

        var events = await sdk.WatchJobAsync(id, cancellationToken: Ct).ToListAsync(Ct);

        events.Select(e => e.Kind).ShouldBe(["submitted", "started", "completed"]);
        events.Select(e => e.Status).ShouldBe(["unprocessed", "processing", "completed"]);
        events.Select(e => e.Id).ShouldBeInOrder(SortDirection.Ascending);
        events.ShouldAllBe(e => e.JobId == id && e.Attempt == 1 && e.OperationType == "system.hostname.get" && e.TargetHostname == "_any");
        events[2].Hostname.ShouldBe(api.AgentHostname);

        // Resuming after the first event gives exactly the rest; after the last, the stream ends at once.
        (await sdk.WatchJobAsync(id, events[0].Id, Ct).ToListAsync(Ct)).Select(e => e.Id).ShouldBe(events.Skip(1).Select(e => e.Id));
        (await sdk.WatchJobAsync(id, events[2].Id, Ct).ToListAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_wire_format_is_id_event_and_one_line_of_snake_case_json()
    {
        var api = _api;
        var id = await SubmitAsync(api, "system.hostname.get");
        using var response = await api.Client.SendAsync(HttpMethod.Get, $"/job/{id}/events", Reader);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        var text = await response.Content.ReadAsStringAsync(Ct);
        var first = text.Split("\n\n")[1].Split('\n');
        first[0].ShouldStartWith("id: ");
        first[1].ShouldBe("event: submitted");
        first[2].ShouldStartWith($$"""data: {"id":{{first[0][4..]}},"job_id":"{{id}}","kind":"submitted","status":"unprocessed","attempt":1,"time":""");
        first[2].ShouldEndWith(""","operation_type":"system.hostname.get","target_hostname":"_any"}""");
    }

    [Theory]
    [InlineData(16_384)]
    [InlineData(1)] // the ring holds one event: a resume reads the bucket's stream
    public async Task Resuming_with_Last_Event_ID_gives_exactly_the_missed_events(int replayBuffer)
    {
        await using var own = replayBuffer == 1
            ? await TestApi.StartAsync(_nats.Url, settings: new Dictionary<string, string?> { ["api:server:events:replay_buffer"] = "1" })
            : null;
        var api = own ?? _api;
        var sdk = new HostOpsApiClient(api.Client, Reader);
        var first = await SubmitAsync(api, "system.hostname.get");
        var all = await sdk.WatchJobAsync(first, cancellationToken: Ct).ToListAsync(Ct);
        var second = await SubmitAsync(api, "system.uptime.get");
        all.AddRange(await sdk.WatchJobAsync(second, cancellationToken: Ct).ToListAsync(Ct));

        // The bucket keeps one value per key: read back from its stream, a claim's "started" is replaced by its outcome.
        var expected = all.Skip(1).Where(e => replayBuffer > 1 || e.Kind != "started").ToList();
        var resumed = await sdk.WatchJobEventsAsync(new JobEventQuery(LastEventId: all[0].Id), Ct).Take(expected.Count).ToListAsync(Ct);
        resumed.ShouldBe(expected);
    }

    [Fact]
    public async Task Filters_select_by_status_operation_and_target_and_bad_ones_are_400_naming_the_field()
    {
        var api = _api;
        var sdk = new HostOpsApiClient(api.Client, Reader);
        var feed = api.Services.GetRequiredService<JobEventFeed>();
        var before = feed.SubscriberCount;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var watching = sdk.WatchJobEventsAsync(new JobEventQuery("completed", "system.uptime.get", "_any"), stop.Token).FirstAsync(stop.Token).AsTask();
        await Eventually.TrueAsync(() => Task.FromResult(feed.SubscriberCount == before + 1), what: "stream open");

        await SubmitAsync(api, "system.hostname.get");
        var uptime = await SubmitAsync(api, "system.uptime.get");
        var change = await watching.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        (change.JobId, change.Kind, change.Status).ShouldBe((uptime, "completed", "completed"));

        foreach (var (query, field) in new[]
        {
            ("status=done", "status"), ("operation=no.such.op", "operation"), ("target_hostname=a%20b", "target_hostname"), ("last_event_id=x", "last_event_id"),
        })
        {
            using var bad = await api.Client.SendAsync(HttpMethod.Get, $"/job/events?{query}", Reader);
            bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await bad.ReadErrorAsync()).Details!.ShouldStartWith($"{field}: ");
        }

        using var unknown = await api.Client.SendAsync(HttpMethod.Get, $"/job/{Guid.NewGuid()}/events", Reader);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_client_that_never_reads_is_dropped_a_token_at_the_cap_gets_429_and_streams_end_cleanly_when_the_api_stops()
    {
        var api = await TestApi.StartAsync(_nats.Url, withAgent: false, settings: new Dictionary<string, string?>
        {
            ["api:server:events:max_streams_per_token"] = "2",
            ["api:server:events:client_buffer"] = "4",
        });
        var feed = api.Services.GetRequiredService<JobEventFeed>();
        var limiter = api.Services.GetRequiredService<EventStreamLimiter>();

        // Far more than the response's and the queue's buffers hold: the writer blocks on the client, the queue fills.
        using (await OpenAsync(api, Reader))
        {
            feed.SubscriberCount.ShouldBe(1);
            var payload = new string('x', 200);
            for (ulong i = 1; i <= 20_000 && feed.SubscriberCount > 0; i++)
            {
                feed.Publish(new JobChangeEvent(i, Guid.NewGuid(), "submitted", "unprocessed", 1, payload, DateTimeOffset.UtcNow, "system.hostname.get", "_any"));
            }

            await Eventually.TrueAsync(() => Task.FromResult(feed.SubscriberCount == 0 && limiter.OpenCount == 0), what: "the stalled client dropped, its slot freed");
            feed.ClientBuffer.ShouldBe(4);
        }

        var streams = new List<HttpResponseMessage> { await OpenAsync(api, Reader), await OpenAsync(api, Reader) };
        using var refused = await api.Client.SendAsync(HttpMethod.Get, "/job/events", Reader);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var error = await refused.ReadErrorAsync();
        (error.Error, error.Code).ShouldBe(("Too many event streams", 429));
        error.Details!.ShouldContain("max_streams_per_token");

        streams.Add(await OpenAsync(api, TestTokens.ForRole(Scopes.Read)));
        limiter.OpenCount.ShouldBe(3);

        var reads = streams.Select(s => s.Content.ReadAsStringAsync(Ct)).ToList();
        await api.DisposeAsync();
        foreach (var read in reads)
        {
            (await read.WaitAsync(TimeSpan.FromSeconds(10), Ct)).ShouldStartWith(": connected");
        }

        streams.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Streams_need_a_token_with_the_read_scope()
    {
        var api = _api;
        using var none = await api.Client.SendAsync(HttpMethod.Get, "/job/events");
        none.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var writeOnly = await api.Client.SendAsync(HttpMethod.Get, $"/job/{Guid.NewGuid()}/events", TestTokens.ForScopes(Scopes.Write));
        writeOnly.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var sdk = new HostOpsApiClient(api.Client, TestTokens.ForScopes(Scopes.Write));
        (await Should.ThrowAsync<HostOpsApiException>(async () => await sdk.WatchJobEventsAsync(cancellationToken: Ct).FirstAsync(Ct))).Code.ShouldBe(403);
    }

    private static async Task<HttpResponseMessage> OpenAsync(TestApi api, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/job/events");
        request.Headers.Authorization = new("Bearer", token);
        var response = await api.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return response;
    }

    private static async Task<Guid> SubmitAsync(TestApi api, string operation)
    {
        using var response = await api.Client.SendAsync(HttpMethod.Post, "/job", TestTokens.ForRole(Scopes.Admin), "{\"operation\":{\"type\":\"" + operation + "\"}}");
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("job_id").GetGuid();
    }
}
