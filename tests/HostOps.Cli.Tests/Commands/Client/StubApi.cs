using System.Net;
using System.Text;

namespace HostOps.Cli.Tests.Commands.Client;

/// <summary>
/// A stand-in for the API at the HTTP boundary: canned answers per "METHOD /path?query", every request recorded.
/// Used where a real server adds nothing to what is checked (parsing, rendering, exit codes).
/// </summary>
public sealed class StubApi : HttpMessageHandler
{
    private readonly Dictionary<string, Queue<(HttpStatusCode Status, string Body)>> _answers = new(StringComparer.Ordinal);

    public List<Recorded> Requests { get; } = [];

    /// <summary>Answers <paramref name="route"/> (e.g. <c>GET /health/status</c>); several answers are given in turn, the last repeats.</summary>
    public StubApi On(string route, HttpStatusCode status, string body)
    {
        if (!_answers.TryGetValue(route, out var queue))
        {
            _answers[route] = queue = new Queue<(HttpStatusCode, string)>();
        }

        queue.Enqueue((status, body));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = $"{request.Method} {request.RequestUri!.PathAndQuery}";
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new Recorded(route, request.Headers.Authorization?.ToString(), body));
        if (!_answers.TryGetValue(route, out var queue))
        {
            return Answer(HttpStatusCode.NotFound, """{"error":"Not found.","details":"no stub for this route","code":404}""");
        }

        var (status, text) = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
        return Answer(status, text);
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public sealed record Recorded(string Route, string? Authorization, string? Body);
}
