using System.Collections.Concurrent;
using DurableTask.Core;

namespace PressRoom.Host.Runtime;

/// <summary>
/// Keeps a running activity's work item invisible to other workers. The gRPC task hub server never renews activity
/// locks, so an activity that ran longer than the work-item visibility timeout (a very large release) was delivered
/// again every timeout and never finished. This decorator renews each locked activity work item every
/// <paramref name="renewEvery"/> (a third of the timeout: two renewals may be late on a busy machine before the
/// lock lapses) until it is completed or abandoned. Start and stop go through <see cref="BackendLifecycle"/>;
/// everything else passes straight through.
/// </summary>
public sealed class ActivityLockRenewingService(IOrchestrationService inner, TimeSpan renewEvery, ILogger<ActivityLockRenewingService> logger) : IOrchestrationService
{
    readonly ConcurrentDictionary<string, Renewal> renewals = new(StringComparer.Ordinal);
    readonly BackendLifecycle lifecycle = new(inner, logger);

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            var renewal = new Renewal();
            renewals[workItem.Id] = renewal;
            renewal.Loop = RenewUntilDoneAsync(workItem, renewal.Done.Token);
        }

        return workItem!;
    }

    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        // Stop renewing first: a renewal changes the message's pop receipt, which the completion's delete relies on.
        await StopRenewingAsync(workItem);
        await inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    }

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        await StopRenewingAsync(workItem);
        await inner.AbandonTaskActivityWorkItemAsync(workItem);
    }

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);

    async Task RenewUntilDoneAsync(TaskActivityWorkItem workItem, CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(renewEvery, done);
                await inner.RenewTaskActivityWorkItemLockAsync(workItem);
                logger.LogDebug("Renewed the lock of activity work item {WorkItemId} until {LockedUntil:o}", workItem.Id, workItem.LockedUntilUtc);
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // A failed renewal is not fatal: the worst case is the redelivery this class exists to prevent.
            logger.LogWarning(ex, "Renewing the lock of activity work item {WorkItemId} failed; it may be delivered again", workItem.Id);
        }
    }

    async Task StopRenewingAsync(TaskActivityWorkItem workItem)
    {
        if (renewals.TryRemove(workItem.Id, out var renewal))
        {
            await renewal.Done.CancelAsync();
            await renewal.Loop;
            renewal.Done.Dispose();
        }
    }

    sealed class Renewal
    {
        public CancellationTokenSource Done { get; } = new();

        public Task Loop { get; set; } = Task.CompletedTask;
    }

    // Everything below passes through unchanged.
    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    // Start and stop go through the lifecycle guard: safe in every state (see BackendLifecycle).
    public Task StartAsync() => lifecycle.StartAsync();

    public Task StopAsync() => lifecycle.StopAsync(isForced: false);

    public Task StopAsync(bool isForced) => lifecycle.StopAsync(isForced);

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
}
