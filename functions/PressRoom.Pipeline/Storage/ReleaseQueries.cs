using Azure.Data.Tables;

namespace PressRoom.Pipeline.Storage;

/// <summary>Reads <c>Releases</c> rows: point lookups by release id and recent listings.</summary>
public sealed class ReleaseQueries(PressRoomStorage storage)
{
    public async Task<ReleaseRow?> GetAsync(string releaseId, CancellationToken cancellationToken)
    {
        var documentId = ReleaseIdentity.DocumentIdOf(releaseId);
        var row = await storage.ReleasesTable.GetEntityIfExistsAsync<ReleaseRow>(TableKeys.Sanitize(documentId), TableKeys.Sanitize(releaseId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>All rows for one blob name, every version.</summary>
    public async Task<List<ReleaseRow>> GetVersionsAsync(string blobName, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Sanitize(ReleaseIdentity.DocumentId(blobName));
        var rows = new List<ReleaseRow>();
        await foreach (var row in storage.ReleasesTable.QueryAsync<ReleaseRow>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }
}
