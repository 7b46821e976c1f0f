using System.Net;
using System.Text;

namespace HostOps.Client.Tests;

/// <summary>Answers every request with one canned status and body, and keeps the last request.</summary>
public sealed class RecordingHandler(HttpStatusCode status, string body) : HttpMessageHandler
{
    public HttpRequestMessage? Last { get; private set; }

    public string? LastBody { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Last = request;
        LastBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
