using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PressRoom.Pipeline.Maintenance;

/// <summary>What one purge run removed, and the creation-time cutoff it used.</summary>
public sealed record HistoryPurgeResult(DateTimeOffset CreatedBefore, int PurgedInstances);

/// <summary>
/// Purges the durable engine's history of finished orchestrations older than the retention, so the engine's
/// History and Instances tables stop growing. Running, pending and suspended instances are never touched, nor are
/// PressRoom's own tables and blobs (the release results). Both hosts call this: the local runtime on an interval,
/// the Functions app from a timer trigger.
/// </summary>
public sealed class HistoryPurge(IOptions<HistoryRetentionOptions> options, TimeProvider time, ILogger<HistoryPurge> logger)
{
    static readonly OrchestrationRuntimeStatus[] Finished =
    [
        OrchestrationRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Failed,
        OrchestrationRuntimeStatus.Terminated,
    ];

    public async Task<HistoryPurgeResult> PurgeFinishedAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);

        // The backends filter on creation time; a finished instance is never younger than its creation.
        var createdBefore = time.GetUtcNow() - options.Value.HistoryRetention;
        // An explicit lower bound: the local gRPC task hub server dereferences it without a null check.
        var filter = new PurgeInstancesFilter(CreatedFrom: DateTimeOffset.UnixEpoch, CreatedTo: createdBefore, Statuses: Finished);
        var result = await client.PurgeAllInstancesAsync(filter, cancellationToken);
        logger.LogInformation(
            "Purged the durable history of {PurgedInstances} finished orchestrations created before {CreatedBefore:o} (retention {HistoryRetention})",
            result.PurgedInstanceCount,
            createdBefore,
            options.Value.HistoryRetention);
        return new HistoryPurgeResult(createdBefore, result.PurgedInstanceCount);
    }
}
