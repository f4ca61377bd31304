using DurableTask.Core.History;
using Microsoft.DurableTask.Client;

namespace PressRoom.Pipeline.Admin;

/// <summary>
/// What differs between the hosts' durable backends: where the full history of an instance comes from, and whether
/// an instance can be rewound. The Functions app asks the Durable extension through the client; the local host reads
/// the Azure Storage backend directly (its gRPC sidecar streams no history for finished instances and cannot rewind).
/// </summary>
public interface IOrchestrationBackend
{
    bool CanRewind { get; }

    /// <summary>Why rewind is unavailable, and what to do instead; null when <see cref="CanRewind"/>.</summary>
    string? RewindUnavailableReason { get; }

    /// <summary>History of the latest execution, oldest first; empty when the instance has none (purged, unknown).</summary>
    Task<IReadOnlyList<OrchestrationEvent>> GetHistoryAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken);

    Task RewindAsync(DurableTaskClient client, string instanceId, string reason, CancellationToken cancellationToken);
}

/// <summary>A history event reduced to what the timeline needs. Backend-neutral.</summary>
public sealed record OrchestrationEvent(EventType Type, int EventId, DateTimeOffset Timestamp)
{
    public string? Name { get; init; }

    /// <summary>TaskScheduledId of a task result, TimerId of a fired timer.</summary>
    public int? ScheduledId { get; init; }

    public string? Input { get; init; }

    /// <summary>Result of a completed activity (the stages it ran inside are read from it).</summary>
    public string? Output { get; init; }

    /// <summary>Final status of an ExecutionCompleted event.</summary>
    public string? Status { get; init; }

    public string? ErrorType { get; init; }
    public string? ErrorMessage { get; init; }
}

/// <summary>The history and rewind of the Durable Task client (the Functions Durable extension implements both).</summary>
public sealed class DurableClientBackend : IOrchestrationBackend
{
    public bool CanRewind => true;

    public string? RewindUnavailableReason => null;

    public async Task<IReadOnlyList<OrchestrationEvent>> GetHistoryAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            var events = await client.GetOrchestrationHistoryAsync(instanceId, cancellationToken);
            return events.Select(Map).OfType<OrchestrationEvent>().ToList();
        }
        catch (ArgumentException)
        {
            // No such instance (purged or never started).
            return [];
        }
    }

    public Task RewindAsync(DurableTaskClient client, string instanceId, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.RewindInstanceAsync(instanceId, reason, cancellationToken);
    }

    static OrchestrationEvent? Map(HistoryEvent e)
    {
        var at = new DateTimeOffset(DateTime.SpecifyKind(e.Timestamp, DateTimeKind.Utc));
        return e switch
        {
            ExecutionStartedEvent s => new OrchestrationEvent(e.EventType, e.EventId, at) { Name = s.Name, Input = s.Input },
            ExecutionCompletedEvent c => new OrchestrationEvent(e.EventType, e.EventId, at)
            {
                Status = c.OrchestrationStatus.ToString(),
                ErrorType = c.FailureDetails?.ErrorType,
                ErrorMessage = c.FailureDetails?.ErrorMessage,
            },
            ExecutionTerminatedEvent t => new OrchestrationEvent(e.EventType, e.EventId, at) { Input = t.Input },
            TaskScheduledEvent s => new OrchestrationEvent(e.EventType, e.EventId, at) { Name = s.Name, Input = s.Input },
            TaskCompletedEvent c => new OrchestrationEvent(e.EventType, e.EventId, at) { ScheduledId = c.TaskScheduledId, Output = c.Result },
            TaskFailedEvent f => new OrchestrationEvent(e.EventType, e.EventId, at)
            {
                ScheduledId = f.TaskScheduledId,
                ErrorType = f.FailureDetails?.ErrorType,
                ErrorMessage = f.FailureDetails?.ErrorMessage ?? f.Reason,
            },
            TimerCreatedEvent => new OrchestrationEvent(e.EventType, e.EventId, at),
            TimerFiredEvent f => new OrchestrationEvent(e.EventType, e.EventId, at) { ScheduledId = f.TimerId },
            _ => null,
        };
    }
}
