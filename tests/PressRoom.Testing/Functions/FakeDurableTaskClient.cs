using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace PressRoom.Tests.Functions;

/// <summary>
/// An in-memory durable client with the start semantics of the real one: an instance id whose status is in the
/// dedupe statuses cannot be started again. Used only to call Functions trigger methods directly.
/// </summary>
public sealed class FakeDurableTaskClient() : DurableTaskClient("fake")
{
    readonly ConcurrentDictionary<string, OrchestrationMetadata> instances = new(StringComparer.Ordinal);

    public ConcurrentBag<(string Name, object? Input, string InstanceId)> Scheduled { get; } = [];

    public void SetStatus(string instanceId, OrchestrationRuntimeStatus status) =>
        instances[instanceId] = new OrchestrationMetadata(instances[instanceId].Name, instanceId) { RuntimeStatus = status };

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var id = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var dedupe = options?.DedupeStatuses ?? [];
        lock (instances)
        {
            if (instances.TryGetValue(id, out var existing) && dedupe.Contains(existing.RuntimeStatus.ToString()))
            {
                throw new InvalidOperationException($"An orchestration with instance id '{id}' already exists in status {existing.RuntimeStatus}.");
            }

            instances[id] = new OrchestrationMetadata(orchestratorName.Name, id) { RuntimeStatus = OrchestrationRuntimeStatus.Pending };
        }

        Scheduled.Add((orchestratorName.Name, input, id));
        return Task.FromResult(id);
    }

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Task.FromResult(instances.TryGetValue(instanceId, out var metadata) ? metadata : null);

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => throw new NotSupportedException();

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
