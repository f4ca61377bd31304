using Azure;
using Azure.Data.Tables;
using PressRoom.Pipeline.Workflow;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// Records the stage a received release is in on its <c>Releases</c> row, so staff can watch it move
/// (the comms page polls <c>/api/releases/{id}/status</c>). Best effort: it never overwrites a final status.
/// </summary>
public sealed class ReleaseProgress(PressRoomStorage storage)
{
    public async Task MarkAsync(string releaseId, string stage, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Sanitize(releaseId.Split('-')[0]);
        var rowKey = TableKeys.Sanitize(releaseId);
        var row = await storage.ReleasesTable.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, ["Status"], cancellationToken);
        if (!row.HasValue || row.Value!.GetString("Status") != ReleaseStatus.Received)
        {
            return;
        }

        try
        {
            // Conditional on the row as read: a final status written meanwhile wins.
            await storage.ReleasesTable.UpdateEntityAsync(new TableEntity(partition, rowKey) { ["Stage"] = stage }, row.Value.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // The release moved on; its stage no longer matters.
        }
    }
}
