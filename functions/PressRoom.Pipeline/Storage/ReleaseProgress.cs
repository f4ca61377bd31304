using Azure;
using Azure.Data.Tables;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// Records the stage a received release is in on its <c>Releases</c> row, so staff can watch it move
/// (the comms page polls <c>/api/releases/{id}/status</c>). Best effort and one write: the stage is a column of its
/// own that no final write touches, and readers show it only while the status is <c>Received</c>, so a mark that lands
/// after the outcome changes nothing a reader sees (the contract calls it the last stage started).
/// </summary>
public sealed class ReleaseProgress(PressRoomStorage storage)
{
    public async Task MarkAsync(string releaseId, string stage, CancellationToken cancellationToken)
    {
        var mark = new ReleaseRow { PartitionKey = TableKeys.Sanitize(ReleaseIdentity.DocumentIdOf(releaseId)), RowKey = TableKeys.Sanitize(releaseId), Stage = stage };
        try
        {
            // Merge (not upsert): a release without a row (never claimed, or purged) does not get one from here.
            await storage.ReleasesTable.UpdateEntityAsync(mark, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Nothing to mark.
        }
    }
}
