using System.Net;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;
using HostOps.Testing.Nats;
using NATS.Client.JetStream;

namespace HostOps.Api.Tests.Errors;

/// <summary>
/// A full stream or bucket refuses the submit with 503 naming it and its limit; nothing already stored is dropped.
/// Against a real nats-server with a tiny <c>max_bytes</c>.
/// </summary>
public sealed class FullStoreTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private static readonly string Admin = TestTokens.ForRole(Scopes.Admin);

    [Fact]
    public async Task A_full_jobs_stream_refuses_the_submit_with_503_naming_it_and_drops_no_notification()
    {
        await using var api = await TestApi.StartAsync(nats.Url, withAgent: false, settings: new Dictionary<string, string?> { ["job:stream:max_bytes"] = "2KiB" });
        var stream = api.Factory.Configuration["job:stream:name"]!;

        var (accepted, refusal) = await SubmitUntilRefusedAsync(api);

        refusal.ShouldBe($"stream {stream} is full (max_bytes 2KiB): nothing new is stored until older jobs age out or are deleted; raise job.stream.max_bytes");
        var state = (await new NatsJSContext(nats.Connection).GetStreamAsync(stream, cancellationToken: TestContext.Current.CancellationToken)).Info.State;
        state.FirstSeq.ShouldBe(1UL, "the oldest notification was dropped to make room");
        state.Messages.ShouldBe((long)accepted);
    }

    [Fact]
    public async Task A_full_job_bucket_refuses_the_submit_with_503_naming_it_and_drops_no_stored_job()
    {
        await using var api = await TestApi.StartAsync(nats.Url, withAgent: false, settings: new Dictionary<string, string?> { ["job:kv:max_bytes"] = "4KiB" });
        var bucket = api.Factory.Configuration["job:kv:bucket"]!;

        var (accepted, refusal) = await SubmitUntilRefusedAsync(api);

        refusal.ShouldBe($"KV bucket {bucket} is full (max_bytes 4KiB): nothing new is stored until older jobs age out or are deleted; raise job.kv.max_bytes");
        // nats-server drops a discard-new bucket's oldest records for a write that passes its check but not the
        // limit; the API's own room check must refuse before that.
        var state = (await new NatsJSContext(nats.Connection).GetStreamAsync($"KV_{bucket}", cancellationToken: TestContext.Current.CancellationToken)).Info.State;
        state.FirstSeq.ShouldBe(1UL, "the oldest job definition was dropped to make room");
        state.Messages.ShouldBe((long)accepted);
    }

    [Fact]
    public async Task A_missing_stream_is_503_with_jetstreams_reason_not_a_500_or_nats_unreachable()
    {
        await using var api = await TestApi.StartAsync(nats.Url, withAgent: false);
        await new NatsJSContext(nats.Connection).DeleteStreamAsync(api.Factory.Configuration["job:stream:name"]!, TestContext.Current.CancellationToken);

        using var response = await api.Client.SendAsync(HttpMethod.Post, "/job", Admin, """{"operation":{"type":"system.hostname.get"}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.ReadErrorAsync()).Details.ShouldBe("JetStream did not answer: no stream or JetStream service for the request (is JetStream enabled?)");
    }

    private static async Task<(int Accepted, string Refusal)> SubmitUntilRefusedAsync(TestApi api)
    {
        for (var accepted = 0; accepted < 200; accepted++)
        {
            using var response = await api.Client.SendAsync(HttpMethod.Post, "/job", Admin, """{"operation":{"type":"system.hostname.get"}}""");
            if (response.StatusCode == HttpStatusCode.Created)
            {
                continue;
            }

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var error = await response.ReadErrorAsync();
            error.Code.ShouldBe(503);
            error.Error.ShouldBe("Service unavailable");
            accepted.ShouldBeGreaterThan(0);
            return (accepted, error.Details!);
        }

        throw new ShouldAssertException("200 submits were all accepted: the limit was never reached");
    }
}
