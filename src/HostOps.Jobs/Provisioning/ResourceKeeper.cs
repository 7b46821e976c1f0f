using System.Threading.Channels;
using HostOps.Jobs.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace HostOps.Jobs.Provisioning;

/// <summary>
/// Keeps the job system's streams and buckets in place for the API and the agent: runs
/// <see cref="JobResources.EnsureAsync"/> once the shared connection opens at start (opening it if nobody has yet)
/// and again every time it reconnects, so a NATS server that was down when this process started, or that came
/// back without its store, gets everything re-created. A failure is logged and tried again (1 s, doubling up to
/// 10 s, or at once on the next reconnect) until it succeeds.
/// </summary>
public sealed partial class ResourceKeeper : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(10);

    private readonly INatsConnection _connection;
    private readonly JobOptions _options;
    private readonly ILogger<ResourceKeeper> _logger;
    private readonly Channel<bool> _opened = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public ResourceKeeper(INatsConnection connection, IOptions<JobOptions> options, ILogger<ResourceKeeper> logger)
    {
        _connection = connection;
        _options = options.Value;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _connection.ConnectionOpened += OnConnectionOpened;
        try
        {
            await KeepAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _connection.ConnectionOpened -= OnConnectionOpened;
        }
    }

    private async Task KeepAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (true)
        {
            _opened.Reader.TryRead(out _);
            try
            {
                await _connection.ConnectAsync().AsTask().WaitAsync(stoppingToken);
                await JobResources.EnsureAsync(_connection, _options, stoppingToken);
                LogEnsured(_connection.Opts.Url);
                retry = FirstRetry;

                // Until the next (re)connect.
                await _opened.Reader.ReadAsync(stoppingToken);
                continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                LogFailed(e.Message.ReplaceLineEndings(" "), retry.TotalSeconds);
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(retry);
            try
            {
                await _opened.Reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, MaxRetry.Ticks));
        }
    }

    private ValueTask OnConnectionOpened(object? sender, NatsEventArgs args)
    {
        _opened.Writer.TryWrite(true);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job streams and buckets are in place on {Url}")]
    private partial void LogEnsured(string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ensure the job streams and buckets ({Reason}); trying again in {RetrySeconds:0}s or on reconnect")]
    private partial void LogFailed(string reason, double retrySeconds);
}
