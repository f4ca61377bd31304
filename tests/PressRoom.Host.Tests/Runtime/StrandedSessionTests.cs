using DurableTask.Core;
using DurableTask.Core.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PressRoom.Host.Runtime;

namespace PressRoom.Tests.Runtime;

/// <summary>
/// A work-item fetch that fails after the backend took a session releases that session again. The backend here injects
/// the failure the way DTFx's Azure Storage backend reports it (its OrchestrationProcessingFailure event, then the
/// exception); FaultTests shows the real one after a storage restart.
/// </summary>
public sealed class StrandedSessionTests
{
    [Fact]
    public async Task A_fetch_that_reports_a_processing_failure_releases_that_instance_and_still_fails()
    {
        var (backend, service) = Create();
        backend.FailNextFetch("release-a");

        await Assert.ThrowsAsync<InvalidOperationException>(() => service.LockNextTaskOrchestrationWorkItemAsync(TimeSpan.Zero, CancellationToken.None));

        Assert.Equal(["release-a"], backend.Released);
    }

    [Fact]
    public async Task A_failure_the_backend_reports_outside_the_fetch_is_not_taken_for_the_fetch()
    {
        // The backend also reports OrchestrationProcessingFailure from its background history prefetch, which retries
        // on its own: a fetch failing at the same time must not release that instance.
        var (backend, service) = Create();
        backend.FailNextFetch(instanceId: null, reportedElsewhere: "release-b");

        await Assert.ThrowsAsync<InvalidOperationException>(() => service.LockNextTaskOrchestrationWorkItemAsync(TimeSpan.Zero, CancellationToken.None));

        Assert.Empty(backend.Released);
    }

    [Fact]
    public async Task A_fetch_that_succeeds_after_a_failed_one_releases_nothing_more()
    {
        var (backend, service) = Create();
        backend.FailNextFetch("release-c");
        await Assert.ThrowsAsync<InvalidOperationException>(() => service.LockNextTaskOrchestrationWorkItemAsync(TimeSpan.Zero, CancellationToken.None));

        var workItem = await service.LockNextTaskOrchestrationWorkItemAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal("release-d", workItem.InstanceId);
        Assert.Equal(["release-c"], backend.Released);
    }

    static (FailingFetchBackend Backend, GuardedOrchestrationService Service) Create()
    {
        var sessions = new StrandedSessions();
        var backend = new FailingFetchBackend(sessions.Observe(NullLoggerFactory.Instance).CreateLogger("DurableTask.AzureStorage"));
        return (backend, new GuardedOrchestrationService(backend, sessions, NullLogger.Instance));
    }

    /// <summary>Hands out "release-d" unless told to fail the next fetch; records the sessions released.</summary>
    sealed class FailingFetchBackend(ILogger logger) : OrchestrationServiceDecorator(null!)
    {
        (string? InstanceId, string? ReportedElsewhere)? nextFailure;

        public List<string> Released { get; } = [];

        public void FailNextFetch(string? instanceId, string? reportedElsewhere = null) => nextFailure = (instanceId, reportedElsewhere);

        public override async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
        {
            if (nextFailure is not { } failure)
            {
                return new TaskOrchestrationWorkItem { InstanceId = "release-d" };
            }

            nextFailure = null;
            if (failure.ReportedElsewhere is { } other)
            {
                // Another flow, as the backend's prefetch runs: it does not inherit the fetch's context.
                using (ExecutionContext.SuppressFlow())
                {
                    await Task.Run(() => logger.LogDurableEvent(new ProcessingFailure(other)), cancellationToken);
                }
            }

            await Task.Yield();
            if (failure.InstanceId is { } instanceId)
            {
                logger.LogDurableEvent(new ProcessingFailure(instanceId));
            }

            throw new InvalidOperationException("abandoning an out-of-order message failed");
        }

        public override Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
        {
            Released.Add(workItem.InstanceId);
            return Task.CompletedTask;
        }
    }

    /// <summary>The event as DTFx's Azure Storage backend writes it: id 115, structured field InstanceId.</summary>
    sealed class ProcessingFailure(string instanceId) : StructuredLogEvent
    {
        [StructuredLogField]
        public string InstanceId { get; } = instanceId;

        public override EventId EventId => new(115, "OrchestrationProcessingFailure");

        public override LogLevel Level => LogLevel.Error;

        protected override string CreateLogMessage() => $"An unexpected failure occurred while processing instance '{InstanceId}'";
    }
}
