using System.Threading.Channels;
using HostOps.Api.Configuration;
using HostOps.Api.Security;
using HostOps.Contracts.Audit;
using Microsoft.Extensions.Options;

namespace HostOps.Api.Audit;

/// <summary>
/// Decides which requests are audited and queues their entries for <see cref="AuditWriter"/>: every request that can
/// change something (POST, PUT, PATCH, DELETE) and every refused one (401, 403, 429). Queuing never waits: the
/// queue is bounded (<c>api.audit.queue</c>), and an entry that finds it full is counted in <see cref="Dropped"/> and
/// logged by the writer instead of slowing the request.
/// </summary>
internal sealed class AuditRecorder
{
    private readonly Channel<AuditEntry> _queue;
    private long _dropped;

    public AuditRecorder(IOptions<AuditOptions> options)
    {
        Enabled = options.Value.Enabled;
        _queue = Channel.CreateBounded<AuditEntry>(new BoundedChannelOptions(Math.Max(1, options.Value.Queue))
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
    }

    public bool Enabled { get; }

    /// <summary>Entries lost because the queue was full (NATS unreachable for long, or a burst beyond the writer).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<AuditEntry> Entries => _queue.Reader;

    public static bool Audits(HttpContext context) =>
        context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests
        || HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)
        || HttpMethods.IsPatch(context.Request.Method) || HttpMethods.IsDelete(context.Request.Method);

    public void Record(HttpContext context, DateTimeOffset at, TimeSpan took)
    {
        var user = context.User;
        var roles = user.FindAll(TokenClaims.Roles).Select(c => c.Value).ToList();
        var entry = new AuditEntry(
            at,
            user.FindFirst(TokenClaims.Subject)?.Value,
            roles.Count > 0 ? roles : null,
            context.Connection.RemoteIpAddress?.ToString(),
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            AuditFacts.TargetOf(context),
            AuditFacts.JobOf(context),
            context.Response.StatusCode,
            Math.Round(took.TotalMilliseconds, 3));
        if (!_queue.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>No more entries: the writer drains what is queued and stops.</summary>
    public void Complete() => _queue.Writer.TryComplete();
}
