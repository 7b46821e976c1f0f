using HostOps.Api.Errors;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Client.KeyValueStore;

namespace HostOps.Api.Tests.Errors;

/// <summary>NATS failures answer 503 with their reason; "not connected" only when the connection is down; none is 500.</summary>
public sealed class NatsErrorMappingTests
{
    private static readonly Dictionary<string, Exception> Exceptions = new()
    {
        ["max bytes"] = ApiError(503, 10077, "maximum bytes exceeded"),
        ["stream not found"] = ApiError(404, 10059, "stream not found"),
        ["jetstream unavailable"] = ApiError(503, 10008, "JetStream system temporarily unavailable"),
        ["no responders"] = new NatsNoRespondersException(),
        ["publish no response"] = new NatsJSPublishNoResponseException(),
        ["api no response"] = new NatsJSApiNoResponseException(),
        ["no reply"] = new NatsNoReplyException(),
        ["timeout"] = new TimeoutException("The operation has timed out."),
        ["cancelled"] = new OperationCanceledException(),
        ["task cancelled"] = new TaskCanceledException(),
        ["kv key not found"] = new NatsKVKeyNotFoundException(),
        ["other"] = new NatsJSException("something else"),
    };

    public static TheoryData<string, string> Failures => new()
    {
        { "max bytes", "a job stream or bucket is full (maximum bytes exceeded); raise its job.*.max_bytes" },
        { "stream not found", "JetStream refused the request: stream not found (error 10059)" },
        { "jetstream unavailable", "JetStream refused the request: JetStream system temporarily unavailable (error 10008)" },
        { "no responders", "JetStream did not answer: no stream or JetStream service for the request (is JetStream enabled?)" },
        { "publish no response", "JetStream did not answer: no stream or JetStream service for the request (is JetStream enabled?)" },
        { "api no response", "NATS did not answer in time" },
        { "no reply", "NATS did not answer in time" },
        { "timeout", "NATS did not answer in time" },
        { "cancelled", "NATS did not answer in time (the wait was cancelled)" },
        { "task cancelled", "NATS did not answer in time (the wait was cancelled)" },
        { "kv key not found", "JetStream refused a job write" },
        { "other", "a NATS request failed" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void With_nats_connected_a_failure_is_503_with_its_reason(string failure, string details)
    {
        var (code, reason) = ExceptionResponses.Describe(Exceptions[failure], NatsConnectionState.Open);

        code.ShouldBe(503);
        reason.ShouldBe(details);
        reason.ShouldNotBeNull().ShouldNotContain("not reachable");
        reason.ShouldNotContain("not connected");
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void With_nats_reconnecting_every_failure_says_so(string failure, string details)
    {
        _ = details;
        ExceptionResponses.Describe(Exceptions[failure], NatsConnectionState.Reconnecting).ShouldBe((503, "NATS is not connected (Reconnecting)"));
    }

    [Fact]
    public void Anything_else_stays_a_500_without_details() =>
        ExceptionResponses.Describe(new InvalidOperationException("boom"), NatsConnectionState.Open).ShouldBe((500, null));

    private static NatsJSApiException ApiError(int code, int errCode, string description) =>
        new(new ApiError { Code = code, ErrCode = errCode, Description = description });
}
