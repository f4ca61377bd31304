using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Workflow;

namespace PressRoom.Functions;

/// <summary>A new or changed blob under <c>releases/</c> (delivered by Event Grid) starts its release orchestration once.</summary>
public sealed class IngestRelease(ReleaseIntake intake)
{
    [Function(nameof(IngestRelease))]
    public Task<ScheduleResult> Run(
        [BlobTrigger(StorageNames.ReleasesContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageNames.ConnectionName)] BlobClient blob,
        string name,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        intake.OfferAsync(client, name, "blob-trigger", context.CancellationToken);
}
