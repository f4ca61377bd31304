using DurableTask.Core;

namespace PressRoom.Host.Runtime;

/// <summary>
/// Starts the durable backend at most once and makes stopping it safe in every state: never started, starting,
/// started, or already stopping. The gRPC task hub server starts the backend only once a worker connects (or once its
/// wait for one is cancelled by shutdown, so a start can come after the stop) and stops it from an <c>async void</c>
/// ApplicationStopping handler, where any exception ends the process. The Azure Storage backend's StopAsync throws
/// NullReferenceException when StartAsync never ran, which is what crashed a runtime stopped early.
/// </summary>
public sealed class BackendLifecycle(IOrchestrationService backend, ILogger logger)
{
    readonly Lock gate = new();
    Task? started;
    Task? stopped;

    /// <summary>True once a stop was requested; a start after that does nothing.</summary>
    public bool IsStopping
    {
        get
        {
            lock (gate)
            {
                return stopped is not null;
            }
        }
    }

    public Task StartAsync()
    {
        lock (gate)
        {
            if (stopped is not null)
            {
                logger.LogDebug("The durable backend is not started: the engine is already stopping");
                return Task.CompletedTask;
            }

            // Run outside the lock: the backend's start does storage I/O.
            started ??= Task.Run(backend.StartAsync);
            return WhenStartedAsync(started);
        }
    }

    async Task WhenStartedAsync(Task start)
    {
        try
        {
            await start;
        }
        catch (Exception ex) when (IsStopping)
        {
            // Storage going away during shutdown fails the start; the server's async void caller must not see that.
            logger.LogDebug(ex, "The durable backend's start failed while the engine was stopping");
        }
    }

    /// <summary>Stops once; every later call returns the same stop. Never throws: its caller may be an async void handler.</summary>
    public Task StopAsync(bool isForced)
    {
        lock (gate)
        {
            return stopped ??= StopOnceAsync(started, isForced);
        }
    }

    async Task StopOnceAsync(Task? start, bool isForced)
    {
        if (start is null)
        {
            logger.LogDebug("The durable backend was never started; nothing to stop");
            return;
        }

        try
        {
            // A stop during the start waits for it: stopping a half-started backend leaves its lease loops running.
            await start;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The durable backend failed to start; nothing to stop");
            return;
        }

        try
        {
            await backend.StopAsync(isForced);
            logger.LogDebug("The durable backend stopped");
        }
        catch (Exception ex)
        {
            // Shutdown must finish: a failure to stop is reported, not rethrown into an async void handler.
            logger.LogWarning(ex, "Stopping the durable backend failed");
        }
    }
}
