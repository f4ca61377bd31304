using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Configuration;

namespace PressRoom.Pipeline.Workflow;

/// <summary>What happened when a blob was offered for processing.</summary>
public sealed record ScheduleResult(string ReleaseId, string InstanceId, bool Started);

/// <summary>
/// Starts <c>ProcessRelease</c> for one content version of a blob, exactly once: the instance id is derived
/// from blob name and content hash, and an instance that is pending, running or completed is never started again.
/// A failed or terminated one may be started again (that is how a release is retried).
/// </summary>
public sealed class ReleaseScheduler(IOptions<TranslationOptions> translation, ILogger<ReleaseScheduler> logger)
{
    public static readonly OrchestrationRuntimeStatus[] DedupeStatuses =
    [
        OrchestrationRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Suspended,
    ];

    public ReleaseInput CreateInput(string blobName, string contentSha256, long size, string source, DateTimeOffset receivedAt) => new()
    {
        ReleaseId = ReleaseIdentity.ReleaseId(blobName, contentSha256),
        DocumentId = ReleaseIdentity.DocumentId(blobName),
        BlobName = blobName,
        ContentSha256 = contentSha256,
        Size = size,
        ReceivedAt = receivedAt,
        Source = source,
        TargetLanguages = translation.Value.TargetLanguageList,
    };

    /// <param name="waitForExisting">How long to wait for a concurrent delivery's instance to appear before starting one.</param>
    public async Task<ScheduleResult> ScheduleAsync(DurableTaskClient client, ReleaseInput input, TimeSpan waitForExisting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(input);
        var instanceId = ReleaseIdentity.InstanceId(input.ReleaseId);
        // A delivery that just claimed the release skips the look-up: the dedupe statuses below still refuse a duplicate.
        if (waitForExisting > TimeSpan.Zero && await WaitForDuplicateAsync(client, instanceId, waitForExisting, cancellationToken))
        {
            logger.LogInformation("Release {ReleaseId} already scheduled ({InstanceId}); event ignored", input.ReleaseId, instanceId);
            return new ScheduleResult(input.ReleaseId, instanceId, false);
        }

        try
        {
            var options = new StartOrchestrationOptions(instanceId).WithDedupeStatuses(DedupeStatuses);
            await client.ScheduleNewOrchestrationInstanceAsync(TaskNames.ProcessRelease, input, options, cancellationToken);
            logger.LogInformation("Release {ReleaseId} scheduled as {InstanceId} from {BlobName}", input.ReleaseId, instanceId, input.BlobName);
            return new ScheduleResult(input.ReleaseId, instanceId, true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another trigger delivery may have won the race, and the dedupe statuses refused this one.
            if (!await IsDuplicateAsync(client, instanceId, cancellationToken))
            {
                throw;
            }

            logger.LogInformation("Release {ReleaseId} was scheduled concurrently ({InstanceId})", input.ReleaseId, instanceId);
            return new ScheduleResult(input.ReleaseId, instanceId, false);
        }
    }

    static async Task<bool> WaitForDuplicateAsync(DurableTaskClient client, string instanceId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
            if (existing is not null)
            {
                return DedupeStatuses.Contains(existing.RuntimeStatus);
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    static async Task<bool> IsDuplicateAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        return existing is not null && DedupeStatuses.Contains(existing.RuntimeStatus);
    }
}
