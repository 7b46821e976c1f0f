namespace HostOps.Nats.Server;

/// <summary>The restart loop: a server that dies on its own is started again after the back-off, same store, same port.</summary>
public sealed partial class ManagedNatsServer
{
    private async Task SuperviseAsync(CancellationToken stopping)
    {
        try
        {
            await RestartWhenDeadAsync(stopping);
        }
        catch (Exception e)
        {
            LogSupervisionFailed(e);
        }
    }

    private async Task RestartWhenDeadAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TimeSpan delay;
            if (_child is { } child)
            {
                try
                {
                    await child.Process.WaitForExitAsync(stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                var (pid, code, uptime) = (child.Id, child.Process.ExitCode, child.Uptime);
                _child = null;
                child.Dispose();
                _pidFile.Delete();
                delay = Backoff.Next(uptime);
                LogDied(pid, code, uptime.TotalSeconds, delay.TotalSeconds);
            }
            else
            {
                delay = Backoff.Next(TimeSpan.Zero);
                LogRetrying(delay.TotalSeconds);
            }

            try
            {
                await Task.Delay(delay, stopping);
                await LaunchAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                LogRestartFailed(e.Message);
                continue;
            }

            LogRestarted(_child!.Id);
            await RunAfterRestartAsync(stopping);
        }
    }

    private async Task RunAfterRestartAsync(CancellationToken stopping)
    {
        if (AfterRestart is null)
        {
            return;
        }

        try
        {
            await AfterRestart(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogAfterRestartFailed(e.Message);
        }
    }
}
