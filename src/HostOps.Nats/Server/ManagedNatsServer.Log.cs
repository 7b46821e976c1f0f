using Microsoft.Extensions.Logging;

namespace HostOps.Nats.Server;

/// <summary>What the managed server logs.</summary>
public sealed partial class ManagedNatsServer
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "nats-server: {Line}")]
    private partial void LogServerOutput(string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started nats-server (pid {Pid}) on {Url}, store {StoreDir}")]
    private partial void LogStarted(int pid, string url, string storeDir);

    [LoggerMessage(Level = LogLevel.Information, Message = "nats-server on {Url} is ready ({Readiness})")]
    private partial void LogReady(string url, string readiness);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replacing a stale nats-server of ours (pid {Pid}) named by {PidFile}")]
    private partial void LogReplacingStale(int pid, string pidFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "nats-server (pid {Pid}) did not stop within {Grace}; killing it")]
    private partial void LogForcedStop(int pid, TimeSpan grace);

    [LoggerMessage(Level = LogLevel.Information, Message = "nats-server (pid {Pid}) asked to reload its configuration: {Users} identities")]
    private partial void LogReloaded(int pid, int users);

    [LoggerMessage(Level = LogLevel.Error, Message = "nats-server refused to reload its configuration; its identities are unchanged: {Line}")]
    private partial void LogReloadFailed(string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped nats-server (pid {Pid})")]
    private partial void LogStopped(int pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "nats-server (pid {Pid}) exited with code {ExitCode} after {UptimeSeconds:0.#}s up; restarting it in {DelaySeconds:0.#}s")]
    private partial void LogDied(int pid, int exitCode, double uptimeSeconds, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Restarting nats-server failed: {Reason}")]
    private partial void LogRestartFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trying again to restart nats-server in {DelaySeconds:0.#}s")]
    private partial void LogRetrying(double delaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restarted nats-server (pid {Pid}); same store and port")]
    private partial void LogRestarted(int pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "After the restart of nats-server: {Reason}")]
    private partial void LogAfterRestartFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "nats-server is no longer supervised: it will not be restarted if it dies")]
    private partial void LogSupervisionFailed(Exception exception);
}
