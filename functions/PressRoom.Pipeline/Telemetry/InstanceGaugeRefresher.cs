using Microsoft.DurableTask.Client;
using PressRoom.Pipeline.Admin;

namespace PressRoom.Pipeline.Telemetry;

/// <summary>
/// Counts Pending and Running orchestrations and unhandled failures in the durable backend and sets the
/// <see cref="InstanceGauges"/>. Shared by the local runtime's poller and the Functions app's timer.
/// </summary>
public static class InstanceGaugeRefresher
{
    public static async Task<InstanceGaugeReading> RefreshAsync(DurableTaskClient client, InstanceGauges gauges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(gauges);
        var pending = await CountAsync(client, OrchestrationRuntimeStatus.Pending, cancellationToken);
        var running = await CountAsync(client, OrchestrationRuntimeStatus.Running, cancellationToken);
        var unhandled = await AdminInstanceQueries.UnhandledFailuresAsync(client, cancellationToken);
        gauges.Update(pending, running, unhandled);
        return new InstanceGaugeReading(pending, running, unhandled);
    }

    static async Task<long> CountAsync(DurableTaskClient client, OrchestrationRuntimeStatus status, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var _ in client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [status], FetchInputsAndOutputs = false, PageSize = 500 }).WithCancellation(cancellationToken))
        {
            count++;
        }

        return count;
    }
}

public sealed record InstanceGaugeReading(long Pending, long Running, long UnhandledFailures);
