using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Functions;

/// <summary>
/// A source blob was deleted: Event Grid delivers <c>Microsoft.Storage.BlobDeleted</c> to the <c>release-deletions</c> queue
/// (the Functions Event Grid trigger extension is not available here; a storage-queue subscription carries the same event),
/// and the release is withdrawn once.
/// </summary>
public sealed class WithdrawRelease(ReleaseLifecycle lifecycle, ILogger<WithdrawRelease> logger)
{
    [Function(nameof(WithdrawRelease))]
    public async Task Run(
        [QueueTrigger(StorageNames.DeletionsQueue, Connection = StorageNames.ConnectionName)] string message,
        FunctionContext context)
    {
        if (BlobDeletedEvent.TryGetReleaseBlob(message) is not { } blobName)
        {
            logger.LogWarning("Ignored a deletion message that is not a BlobDeleted event for the releases container");
            return;
        }

        var withdrawn = await lifecycle.WithdrawAsync(blobName, context.CancellationToken);
        logger.LogInformation("Blob {BlobName} deleted: {Count} release(s) withdrawn", blobName, withdrawn.Count);
    }
}
