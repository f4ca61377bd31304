using DurableTask.Core;

namespace PressRoom.Host.Runtime;

/// <summary>
/// Starts the durable backend at most once and makes stopping it safe in every state: never started, starting,
/// started, or already stopping. The gRPC task hub server starts the backend only once a worker connects (or once its
/// wait for one is cancelled by shutdown, so a start can come after the stop) and stops it from an <c>async void</c>
/// ApplicationStopping handler, where any exception ends the process. The Azure Storage backend's StopAsync throws
/// NullReferenceException when StartAsync never ran, which is what crashed a runtime stopped early.
/// The same guard serves DTFx's <c>TaskHubWorker</c> (<see cref="InProcessTaskHubWorker"/>), whose stop during its
/// start would return without stopping and leave its dispatchers running.
/// </summary>
public sealed class BackendLifecycle(Func<Task> start, Func<bool, Task> stop, ILogger logger, string subject = "durable backend")
{
    public BackendLifecycle(IOrchestrationService backend, ILogger logger)
        : this((backend ?? throw new ArgumentNullException(nameof(backend))).StartAsync, backend.StopAsync, logger)
    {
    }

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
                logger.LogDebug("The {Subject} is not started: the engine is already stopping", subject);
                return Task.CompletedTask;
            }

            // Run outside the lock: the backend's start does storage I/O.
            started ??= Task.Run(start);
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
            logger.LogDebug(ex, "The {Subject}'s start failed while the engine was stopping", subject);
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
            logger.LogDebug("The {Subject} was never started; nothing to stop", subject);
            return;
        }

        try
        {
            // A stop during the start waits for it: stopping a half-started backend leaves its lease loops running.
            await start;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The {Subject} failed to start; nothing to stop", subject);
            return;
        }

        try
        {
            await stop(isForced);
            logger.LogDebug("The {Subject} stopped", subject);
        }
        catch (Exception ex)
        {
            // Shutdown must finish: a failure to stop is reported, not rethrown into an async void handler.
            logger.LogWarning(ex, "Stopping the {Subject} failed", subject);
        }
    }
}
