using DurableTask.Core;

namespace PressRoom.Host.Runtime;

/// <summary>
/// The backend with start and stop going through <see cref="BackendLifecycle"/>, so the engine can stop it in any
/// state, and twice (the worker stops it, then the engine makes sure); and with the session a failed work-item fetch
/// strands released again (<see cref="StrandedSessions"/>). Everything else passes straight through; DTFx's own
/// activity dispatcher renews activity locks, so this is all the <c>TaskHubWorker</c> host needs.
/// </summary>
public class GuardedOrchestrationService(IOrchestrationService inner, StrandedSessions strandedSessions, ILogger logger) : OrchestrationServiceDecorator(inner)
{
    readonly BackendLifecycle lifecycle = new(inner, logger);

    public override Task StartAsync() => lifecycle.StartAsync();

    public override Task StopAsync() => lifecycle.StopAsync(isForced: false);

    public override Task StopAsync(bool isForced) => lifecycle.StopAsync(isForced);

    public override async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var fetch = strandedSessions.Watch();
        try
        {
            return await Inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        }
        catch (Exception ex) when (fetch.FailedInstanceId is { } instanceId)
        {
            await ReleaseStrandedAsync(instanceId, ex);
            throw;
        }
    }

    async Task ReleaseStrandedAsync(string instanceId, Exception failure)
    {
        // Its messages that are still locked come back when their visibility timeout ends, as a new session.
        logger.LogWarning("Releasing the session of {InstanceId}: fetching its work item failed ({Failure})", instanceId, failure.GetType().Name);
        try
        {
            await Inner.ReleaseTaskOrchestrationWorkItemAsync(new TaskOrchestrationWorkItem { InstanceId = instanceId });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Could not release the session of {InstanceId}", instanceId);
        }
    }
}
