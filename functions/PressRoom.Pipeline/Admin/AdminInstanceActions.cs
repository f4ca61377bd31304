using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace PressRoom.Pipeline.Admin;

/// <summary>
/// Write side of the admin API. Every action, whatever its outcome, is recorded in the <see cref="AdminActionLog"/>
/// with who asked and why; refusals say why and what to do instead.
/// </summary>
public sealed class AdminInstanceActions(IOrchestrationBackend backend, AdminActionLog log)
{
    /// <summary>A restart reuses the instance id; only a live instance blocks it (terminal ones are replaced).</summary>
    static readonly OrchestrationRuntimeStatus[] RestartDedupe =
    [
        OrchestrationRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Suspended,
    ];

    public Task<ActionResult> TerminateAsync(DurableTaskClient client, string instanceId, AdminCaller caller, string reason, CancellationToken cancellationToken) =>
        RunAsync(client, instanceId, AdminActionNames.Terminate, caller, reason, async instance =>
        {
            if (InstanceRows.IsTerminal(instance.RuntimeStatus))
            {
                return Result(instanceId, AdminActionNames.Terminate, ActionOutcome.Conflict, $"The instance already ended ({instance.RuntimeStatus}); nothing to terminate.");
            }

            await client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions { Output = $"Terminated by {caller.Actor}: {reason}" }, cancellationToken);
            return Result(instanceId, AdminActionNames.Terminate, ActionOutcome.Done, $"Termination requested (was {instance.RuntimeStatus}).");
        }, cancellationToken);

    /// <summary>Runs the orchestration again from the start with the same input, under the same instance id.</summary>
    public Task<ActionResult> RestartAsync(DurableTaskClient client, string instanceId, AdminCaller caller, string reason, CancellationToken cancellationToken) =>
        RunAsync(client, instanceId, AdminActionNames.Restart, caller, reason, async instance =>
        {
            if (!InstanceRows.IsTerminal(instance.RuntimeStatus))
            {
                return Result(instanceId, AdminActionNames.Restart, ActionOutcome.Conflict, $"The instance is {instance.RuntimeStatus}; terminate it first, then restart.");
            }

            var input = InstanceRows.Parse(instance.SerializedInput);
            // A release restarts under the current version of its orchestration (a version-1 instance too).
            await client.ScheduleNewOrchestrationInstanceAsync(
                TaskNames.IsProcessRelease(instance.Name) ? TaskNames.ProcessRelease : instance.Name,
                input,
                new StartOrchestrationOptions(instanceId).WithDedupeStatuses(RestartDedupe),
                cancellationToken);
            return Result(instanceId, AdminActionNames.Restart, ActionOutcome.Done, $"Restarted with the same input (was {instance.RuntimeStatus}).");
        }, cancellationToken);

    public Task<ActionResult> RewindAsync(DurableTaskClient client, string instanceId, AdminCaller caller, string reason, CancellationToken cancellationToken) =>
        RunAsync(client, instanceId, AdminActionNames.Rewind, caller, reason, async instance =>
        {
            if (!backend.CanRewind)
            {
                return Result(instanceId, AdminActionNames.Rewind, ActionOutcome.NotSupported, backend.RewindUnavailableReason ?? "This backend cannot rewind; restart instead.");
            }

            if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Failed)
            {
                return Result(instanceId, AdminActionNames.Rewind, ActionOutcome.Conflict, $"Only failed instances can be rewound; this one is {instance.RuntimeStatus}.");
            }

            await backend.RewindAsync(client, instanceId, reason, cancellationToken);
            return Result(instanceId, AdminActionNames.Rewind, ActionOutcome.Done, "Rewound: the failed activities run again.");
        }, cancellationToken);

    /// <summary>Deletes the instance's state and history. The admin log keeps the record of it.</summary>
    public Task<ActionResult> PurgeAsync(DurableTaskClient client, string instanceId, AdminCaller caller, string reason, CancellationToken cancellationToken) =>
        RunAsync(client, instanceId, AdminActionNames.Purge, caller, reason, async instance =>
        {
            if (!InstanceRows.IsTerminal(instance.RuntimeStatus))
            {
                return Result(instanceId, AdminActionNames.Purge, ActionOutcome.Conflict, $"The instance is {instance.RuntimeStatus}; terminate it before purging.");
            }

            var purged = await client.PurgeInstanceAsync(instanceId, cancellationToken);
            return purged.PurgedInstanceCount > 0
                ? Result(instanceId, AdminActionNames.Purge, ActionOutcome.Done, $"Purged ({instance.RuntimeStatus}).")
                : Result(instanceId, AdminActionNames.Purge, ActionOutcome.NotFound, "Nothing was purged.");
        }, cancellationToken);

    /// <summary>Restarts every failed instance created since <paramref name="since"/>, optionally only those failed with one reason code.</summary>
    public async Task<BulkResult> RetryFailedAsync(DurableTaskClient client, DateTimeOffset? since, string? reasonCode, AdminCaller caller, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var matched = new List<string>();
        var query = new OrchestrationQuery { CreatedFrom = since, Statuses = [OrchestrationRuntimeStatus.Failed], FetchInputsAndOutputs = true, PageSize = 500 };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (reasonCode is null || string.Equals(InstanceRows.TryReadStatus(instance)?.ReasonCode, reasonCode, StringComparison.OrdinalIgnoreCase))
            {
                matched.Add(instance.InstanceId);
            }
        }

        var results = new List<ActionResult>();
        foreach (var id in matched)
        {
            results.Add(await RestartAsync(client, id, caller, reason, cancellationToken));
        }

        return new BulkResult("retry-failed", matched.Count, results.Count(r => r.Outcome == ActionOutcome.Done), results);
    }

    /// <summary>Purges ended instances whose last update is before <paramref name="completedBefore"/>.</summary>
    public async Task<BulkResult> PurgeEndedAsync(DurableTaskClient client, DateTimeOffset completedBefore, IReadOnlyList<OrchestrationRuntimeStatus> statuses, AdminCaller caller, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(statuses);
        var wanted = statuses.Count == 0 ? InstanceRows.Terminal : statuses.ToArray();
        if (wanted.Any(s => !InstanceRows.IsTerminal(s)))
        {
            throw new ArgumentException("Only ended instances can be purged: use Completed, Failed or Terminated.", nameof(statuses));
        }

        var matched = new List<string>();
        var query = new OrchestrationQuery { CreatedTo = completedBefore, Statuses = wanted, FetchInputsAndOutputs = false, PageSize = 500 };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (instance.LastUpdatedAt < completedBefore)
            {
                matched.Add(instance.InstanceId);
            }
        }

        var results = new List<ActionResult>();
        foreach (var id in matched)
        {
            results.Add(await PurgeAsync(client, id, caller, reason, cancellationToken));
        }

        return new BulkResult("purge", matched.Count, results.Count(r => r.Outcome == ActionOutcome.Done), results);
    }

    async Task<ActionResult> RunAsync(
        DurableTaskClient client,
        string instanceId,
        string action,
        AdminCaller caller,
        string reason,
        Func<OrchestrationMetadata, Task<ActionResult>> act,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        ActionResult result;
        if (instance is null)
        {
            result = Result(instanceId, action, ActionOutcome.NotFound, $"No instance {instanceId}.");
        }
        else
        {
            try
            {
                result = await act(instance);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not JsonException)
            {
                // The backend refused (for example a concurrent change of state): log it as a conflict, not a crash.
                result = Result(instanceId, action, ActionOutcome.Conflict, $"The backend refused: {ex.Message}");
            }
        }

        await log.RecordAsync(caller, result, reason, cancellationToken);
        return result;
    }

    static ActionResult Result(string instanceId, string action, ActionOutcome outcome, string message) => new(instanceId, action, outcome, message);
}
