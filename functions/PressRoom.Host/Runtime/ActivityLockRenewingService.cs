using System.Collections.Concurrent;
using DurableTask.Core;

namespace PressRoom.Host.Runtime;

/// <summary>
/// Keeps a running activity's work item invisible to other workers. The gRPC task hub server never renews activity
/// locks, so an activity that ran longer than the work-item visibility timeout (a very large release) was delivered
/// again every timeout and never finished. This decorator renews each locked activity work item every
/// <paramref name="renewEvery"/> (a third of the timeout: two renewals may be late on a busy machine before the
/// lock lapses) until it is completed or abandoned. Start and stop are guarded as in
/// <see cref="GuardedOrchestrationService"/>; everything else passes straight through.
/// </summary>
public sealed class ActivityLockRenewingService(IOrchestrationService inner, StrandedSessions strandedSessions, TimeSpan renewEvery, ILogger<ActivityLockRenewingService> logger)
    : GuardedOrchestrationService(inner, strandedSessions, logger)
{
    readonly ConcurrentDictionary<string, Renewal> renewals = new(StringComparer.Ordinal);

    public override async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await Inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            var renewal = new Renewal();
            renewals[workItem.Id] = renewal;
            renewal.Loop = RenewUntilDoneAsync(workItem, renewal.Done.Token);
        }

        return workItem!;
    }

    public override async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        // Stop renewing first: a renewal changes the message's pop receipt, which the completion's delete relies on.
        await StopRenewingAsync(workItem);
        await Inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    }

    public override async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        await StopRenewingAsync(workItem);
        await Inner.AbandonTaskActivityWorkItemAsync(workItem);
    }

    async Task RenewUntilDoneAsync(TaskActivityWorkItem workItem, CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(renewEvery, done);
                await Inner.RenewTaskActivityWorkItemLockAsync(workItem);
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
}
