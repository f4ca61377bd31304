using Azure;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// The one way a release enters the pipeline, whatever delivered it (blob trigger, watcher, HTTP upload):
/// hash the blob's current content, record it as received, and schedule its orchestration exactly once.
/// </summary>
public sealed class ReleaseIntake(PressRoomStorage storage, ReleaseScheduler scheduler, TimeProvider clock, ILogger<ReleaseIntake> logger)
{
    public async Task<ScheduleResult> OfferAsync(DurableTaskClient client, string blobName, string source, CancellationToken cancellationToken)
    {
        var blob = storage.ReleasesContainer.GetBlobClient(blobName);
        string sha256;
        long size;
        await using (var content = await blob.OpenReadAsync(cancellationToken: cancellationToken))
        {
            size = content.Length;
            sha256 = await ReleaseIdentity.HashAsync(content, cancellationToken);
        }

        var input = scheduler.CreateInput(blobName, sha256, size, source, clock.GetUtcNow());
        await RecordReceivedAsync(input, cancellationToken);
        var result = await scheduler.ScheduleAsync(client, input, cancellationToken);
        logger.LogInformation("Blob {BlobName} offered via {Source}: release {ReleaseId}, started {Started}", blobName, source, result.ReleaseId, result.Started);
        return result;
    }

    /// <summary>Insert-only, so a repeated event never overwrites a later status of the same release.</summary>
    async Task RecordReceivedAsync(ReleaseInput input, CancellationToken cancellationToken)
    {
        var row = new TableEntity(TableKeys.Sanitize(input.DocumentId), TableKeys.Sanitize(input.ReleaseId))
        {
            ["SchemaVersion"] = ReleaseRecord.CurrentSchemaVersion,
            ["ReleaseId"] = input.ReleaseId,
            ["DocumentId"] = input.DocumentId,
            ["SourceBlob"] = input.BlobName,
            ["ContentSha256"] = input.ContentSha256,
            ["Size"] = input.Size,
            ["Status"] = ReleaseStatus.Received,
            ["ReceivedAt"] = input.ReceivedAt,
            ["IngestSource"] = input.Source,
        };
        try
        {
            await storage.ReleasesTable.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already received: this is a repeated delivery.
        }
    }
}
