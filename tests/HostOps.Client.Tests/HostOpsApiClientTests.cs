using System.Net;
using HostOps.Client.Configuration;
using HostOps.Client.Errors;
using HostOps.Client.Http;
using HostOps.Contracts.Health;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;
using HostOps.Testing.Nats;
using Shouldly;
using Xunit;

namespace HostOps.Client.Tests;

public sealed class HostOpsApiClientTests
{
    [Fact]
    public async Task Typed_calls_send_the_bearer_token_and_read_the_shared_wire_records()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"results":[{"hostname":"web1"}]}""");
        var client = Client(handler, token: "t0k");

        var results = await client.GetHostnameAsync("_all", TestContext.Current.CancellationToken);

        results.Results.ShouldHaveSingleItem().Hostname.ShouldBe("web1");
        handler.Last!.RequestUri!.ToString().ShouldBe("http://api.test:8080/base/system/hostname?target_hostname=_all");
        handler.Last.Headers.Authorization!.ToString().ShouldBe("Bearer t0k");
    }

    [Fact]
    public async Task No_token_sends_no_authorization_header()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"status":"ok"}""");

        (await Client(handler).GetHealthAsync(TestContext.Current.CancellationToken)).Status.ShouldBe("ok");

        handler.Last!.Headers.Authorization.ShouldBeNull();
    }

    [Fact]
    public async Task Request_bodies_are_snake_case_json()
    {
        var handler = new RecordingHandler(HttpStatusCode.Accepted, """{"results":[{"hostname":"web1","status":"ok"}]}""");

        var results = await Client(handler).UpdateDnsAsync(new DnsUpdateRequest("eth0", ["1.1.1.1"], ["corp.example"]), cancellationToken: TestContext.Current.CancellationToken);

        handler.LastBody.ShouldBe("""{"interface_name":"eth0","servers":["1.1.1.1"],"search_domains":["corp.example"]}""");
        handler.Last!.Method.ShouldBe(HttpMethod.Put);
        results.Results.ShouldHaveSingleItem().Status.ShouldBe("ok");
    }

    [Fact]
    public async Task An_error_body_becomes_an_exception_carrying_error_details_and_code()
    {
        var handler = new RecordingHandler(HttpStatusCode.BadRequest, """{"error":"Invalid request.","details":"operation.type: unknown operation","code":400}""");

        var error = await Should.ThrowAsync<HostOpsApiException>(() =>
            Client(handler).SubmitJobAsync(new SubmitJobRequest(new JobOperation("nope")), TestContext.Current.CancellationToken));

        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error.Error.ShouldBe("Invalid request.");
        error.Details.ShouldBe("operation.type: unknown operation");
        error.Code.ShouldBe(400);
        error.Message.ShouldBe("Invalid request.: operation.type: unknown operation");
    }

    [Fact]
    public async Task A_non_json_error_still_names_the_status()
    {
        var handler = new RecordingHandler(HttpStatusCode.BadGateway, "<html>proxy error</html>");

        var error = await Should.ThrowAsync<HostOpsApiException>(() => Client(handler).GetQueueStatusAsync(TestContext.Current.CancellationToken));

        error.Message.ShouldBe("HTTP 502 BadGateway: <html>proxy error</html>");
    }

    [Fact]
    public async Task Health_status_answers_its_body_also_when_degraded()
    {
        var handler = new RecordingHandler(HttpStatusCode.ServiceUnavailable, """{"status":"degraded","components":{"nats":{"status":"error","error":"down"}},"version":"0.1.0","uptime":"1s"}""");

        var status = await Client(handler).GetHealthStatusAsync(TestContext.Current.CancellationToken);

        status.Status.ShouldBe("degraded");
        status.Components["nats"].Error.ShouldBe("down");
        status.Nats.ShouldBeNull();
    }

    [Fact]
    public async Task Health_status_reads_the_nats_cluster_with_each_stream_leader_and_replica()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, """
            {"status":"ok","components":{},"version":"0.1.0","uptime":"1s","nats":{"url":"nats://a:4222","version":"2.9.10","cluster":{"name":"prod","servers":[{"name":"n1","up":true},{"name":"n2","up":false}]}},"streams":[{"name":"JOBS","messages":1,"bytes":2,"consumers":3,"cluster":{"leader":"n1","replicas":[{"name":"n2","current":false}]}}],"kv_buckets":[{"name":"job-queue","keys":1,"bytes":2}]}
            """);

        var status = await Client(handler).GetHealthStatusAsync(TestContext.Current.CancellationToken);

        status.Nats!.Cluster!.Name.ShouldBe("prod");
        status.Nats.Cluster.Servers.ShouldBe([new NatsClusterServer("n1", true), new NatsClusterServer("n2", false)]);
        status.Streams!.ShouldHaveSingleItem().Cluster!.Leader.ShouldBe("n1");
        status.Streams![0].Cluster!.Replicas.ShouldBe([new StreamReplica("n2", false)]);
        status.KvBuckets!.ShouldHaveSingleItem().Cluster.ShouldBeNull();
    }

    [Fact]
    public async Task A_503_elsewhere_is_an_error()
    {
        var handler = new RecordingHandler(HttpStatusCode.ServiceUnavailable, """{"error":"NATS unavailable.","code":503}""");

        (await Should.ThrowAsync<HostOpsApiException>(() => Client(handler).GetWorkersAsync(TestContext.Current.CancellationToken))).Code.ShouldBe(503);
    }

    [Fact]
    public async Task The_raw_path_returns_the_body_unchanged()
    {
        const string body = "{ \"total_items\" : 0, \"items\" : [] }";
        var handler = new RecordingHandler(HttpStatusCode.OK, body);

        var response = await Client(handler).SendAsync(ApiRequest.ListJobs("failed", 5, 10), TestContext.Current.CancellationToken);

        response.Body.ShouldBe(body);
        handler.Last!.RequestUri!.PathAndQuery.ShouldBe("/base/job?status=failed&limit=5&offset=10");
        await Client(handler).SendAsync(ApiRequest.ListJobs(cursor: "AQ-_+/="), TestContext.Current.CancellationToken);
        handler.Last!.RequestUri!.PathAndQuery.ShouldBe("/base/job?cursor=AQ-_%2B%2F%3D");
    }

    [Fact]
    public async Task Listing_all_jobs_follows_the_next_cursor_until_the_last_page()
    {
        var handler = new PagingHandler();
        var client = HostOpsApiClient.Create(new ApiClientOptions { Url = "http://api.test:8080/" }, handler);

        var ids = new List<Guid>();
        await foreach (var job in client.ListAllJobsAsync("completed", 2, TestContext.Current.CancellationToken))
        {
            ids.Add(job.Id);
        }

        ids.Count.ShouldBe(3);
        handler.Queries.ShouldBe(["?status=completed&limit=2", "?status=completed&limit=2&cursor=AQ-_2"]);
    }

    [Fact]
    public async Task No_server_gives_a_connection_exception_naming_the_url()
    {
        var port = NatsServerProcess.FreeTcpPort();
        var client = HostOpsApiClient.Create(new ApiClientOptions { Url = $"http://127.0.0.1:{port}" });

        var error = await Should.ThrowAsync<HostOpsConnectionException>(() => client.GetHealthAsync(TestContext.Current.CancellationToken));

        error.Message.ShouldBe($"cannot reach API at http://127.0.0.1:{port} (connection refused or unreachable)");
    }

    private static HostOpsApiClient Client(RecordingHandler handler, string token = "") =>
        HostOpsApiClient.Create(new ApiClientOptions { Url = "http://api.test:8080/base", Token = token }, handler);

    /// <summary>Two pages: the first names the second by its cursor, the second is the last.</summary>
    private sealed class PagingHandler : HttpMessageHandler
    {
        public List<string> Queries { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var query = request.RequestUri!.Query;
            Queries.Add(query);
            var body = query.Contains("cursor=", StringComparison.Ordinal)
                ? $$"""{"total_items":3,"items":[{{Job()}}],"next":null}"""
                : $$"""{"total_items":3,"items":[{{Job()}},{{Job()}}],"next":"AQ-_2"}""";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
        }

        private static string Job() =>
            $$"""{"id":"{{Guid.NewGuid()}}","status":"completed","created":"2026-11-29T10:00:00Z","updated_at":"2026-11-29T10:00:01Z","operation":{"type":"system.uptime.get"},"target_hostname":"_any","responses":{},"worker_states":{},"attempts":1}""";
    }
}
