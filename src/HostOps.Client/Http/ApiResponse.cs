using System.Net;

namespace HostOps.Client.Http;

/// <summary>An API answer as received: status and the body text unchanged (what <c>--json</c> prints).</summary>
public sealed record ApiResponse(HttpStatusCode StatusCode, string Body)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;
}
