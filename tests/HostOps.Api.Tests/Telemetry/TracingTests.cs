using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;
using HostOps.Jobs.Telemetry;
using HostOps.Testing.Nats;

namespace HostOps.Api.Tests.Telemetry;

/// <summary>
/// A job submitted inside a traced HTTP request: the request's trace reaches the agent's <c>job.run</c> span through the
/// notification's <c>traceparent</c> header, and the job detail shows its <c>trace_id</c>. An <see cref="ActivityListener"/>
/// stands in for the OTLP exporter (both are listeners of the same sources).
/// </summary>
public sealed class TracingTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private static readonly string Admin = TestTokens.ForRole(Scopes.Admin);

    [Fact]
    public async Task The_request_trace_id_reaches_the_agent_span_and_the_job_detail()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is HostOpsTelemetry.SourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var api = await TestApi.StartAsync(nats.Url);
        var traceId = ActivityTraceId.CreateRandom();
        var caller = ActivitySpanId.CreateRandom();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/job")
        {
            Content = new StringContent(
                $$"""{"operation":{"type":"system.hostname.get"},"target_hostname":"{{api.AgentHostname}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Admin);
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{caller.ToHexString()}-01");
        using var submitted = await api.Client.SendAsync(request, TestContext.Current.CancellationToken);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await submitted.ReadJsonAsync()).GetProperty("job_id").GetGuid();

        var job = await Eventually.GetAsync(
            async () =>
            {
                using var response = await api.Client.SendAsync(HttpMethod.Get, $"/job/{id}", Admin);
                return await response.ReadJsonAsync();
            },
            j => j.GetProperty("status").GetString() == "completed",
            what: "the job completed");
        job.GetProperty("trace_id").GetString().ShouldBe(traceId.ToHexString());

        var run = await Eventually.GetAsync(
            () => Task.FromResult(spans.FirstOrDefault(s => s.OperationName == "job.run" && Equals(s.GetTagItem("hostops.job_id"), id.ToString("D")))),
            s => s is not null,
            what: "the agent's job.run span");
        run!.TraceId.ShouldBe(traceId);
        run.Kind.ShouldBe(ActivityKind.Consumer);
        run.GetTagItem("hostops.operation").ShouldBe("system.hostname.get");
        var submit = spans.Single(s => s.OperationName == "job.submit" && Equals(s.GetTagItem("hostops.job_id"), id.ToString("D")));
        submit.TraceId.ShouldBe(traceId);
        run.ParentSpanId.ShouldBe(submit.SpanId);
    }
}
