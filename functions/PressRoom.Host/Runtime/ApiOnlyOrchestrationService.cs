using DurableTask.Core;

namespace PressRoom.Host.Runtime;

/// <summary>
/// What the gRPC task hub server gets as its <see cref="IOrchestrationService"/> when DTFx's <c>TaskHubWorker</c> runs
/// the work in process: the server keeps answering the <c>DurableTaskClient</c> (through the real backend's
/// <see cref="IOrchestrationServiceClient"/>), but it can never take a work item away from the in-process worker.
/// The server runs in its API-only mode as well; this is the second lock, and <see cref="WorkItemRequests"/> shows
/// that nothing ever asked. Start and stop do nothing: the in-process worker owns the backend's lifecycle.
/// </summary>
public sealed class ApiOnlyOrchestrationService(IOrchestrationService backend) : OrchestrationServiceDecorator(backend)
{
    long workItemRequests;

    /// <summary>How often the server asked for an orchestration or activity work item (none was ever handed out).</summary>
    public long WorkItemRequests => Interlocked.Read(ref workItemRequests);

    public override async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        await NothingForAWhileAsync(receiveTimeout, cancellationToken);
        return null!;
    }

    public override async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        await NothingForAWhileAsync(receiveTimeout, cancellationToken);
        return null!;
    }

    async Task NothingForAWhileAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref workItemRequests);

        // Wait like an empty queue would, so a dispatcher polling this does not spin.
        try
        {
            await Task.Delay(receiveTimeout > TimeSpan.Zero ? receiveTimeout : TimeSpan.FromSeconds(1), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public override Task StartAsync() => Task.CompletedTask;

    public override Task StopAsync() => Task.CompletedTask;

    public override Task StopAsync(bool isForced) => Task.CompletedTask;

    // No work item is ever handed out, so none can come back.
    public override Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => throw NotHandedOut();

    public override Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) => throw NotHandedOut();

    public override Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => throw NotHandedOut();

    public override Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => throw NotHandedOut();

    public override Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => throw NotHandedOut();

    public override Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) => throw NotHandedOut();

    public override Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => throw NotHandedOut();

    static InvalidOperationException NotHandedOut() =>
        new("The API-only task hub server never hands out work items; the in-process TaskHubWorker runs them.");
}
