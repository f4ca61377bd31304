using Azure;
using Microsoft.Extensions.Logging;

namespace PressRoom.Pipeline.Storage;

/// <summary>What one migration run did.</summary>
/// <param name="LegacyRows">Rows read from the first layout (0 when that table does not exist).</param>
/// <param name="Copied">Rows written to the current layout.</param>
public sealed record EntityIndexMigrationResult(int LegacyRows, int Copied);

/// <summary>
/// Copies the first entity-index layout (<c>EntityIndex</c>: one partition per entity key) into the current one
/// (<c>EntityIndexV2</c>: a few key shards), after an upgrade. Safe to repeat: every row is an upsert of the same keys.
/// Each row's status is taken from the release's <c>Releases</c> row, not from the old row, because status changes
/// after the upgrade patch only the new table (and a row not copied yet misses them).
/// The old table is left in place for readers that still use it; it is no longer written.
/// </summary>
public sealed class EntityIndexMigration(PressRoomStorage storage, ILogger<EntityIndexMigration> logger)
{
    readonly ReleaseQueries releases = new(storage);

    public async Task<EntityIndexMigrationResult> RunAsync(CancellationToken cancellationToken)
    {
        var legacy = storage.Tables.GetTableClient(StorageNames.LegacyEntityIndexTable);
        var statuses = new Dictionary<string, (string? Status, string? SupersededBy)>(StringComparer.Ordinal);
        int read = 0;

        async IAsyncEnumerable<EntityIndexRow> CopiesAsync()
        {
            await foreach (var row in legacy.QueryAsync<EntityIndexRow>(cancellationToken: cancellationToken))
            {
                read++;
                var key = row.EntityKey ?? row.PartitionKey;
                if (row.ReleaseId is { } releaseId)
                {
                    if (!statuses.TryGetValue(releaseId, out var current))
                    {
                        var release = await releases.GetAsync(releaseId, cancellationToken);
                        current = release is null ? (row.Status, row.SupersededBy) : (release.Status, release.SupersededBy);
                        statuses[releaseId] = current;
                    }

                    (row.Status, row.SupersededBy) = current;
                }

                row.PartitionKey = TableKeys.EntityIndexPartition(key);
                row.RowKey = TableKeys.EntityIndexPrefix(key) + row.RowKey;
                row.ETag = ETag.All;
                yield return row;
            }
        }

        int copied = 0;
        try
        {
            await storage.EntityIndexTable.CreateIfNotExistsAsync(cancellationToken);

            // In bounded chunks, so a large old index never becomes one list in memory.
            await foreach (var chunk in CopiesAsync().Chunk(TableBatchWriter.MaxBufferedRows).WithCancellation(cancellationToken))
            {
                copied += await TableBatchWriter.UpsertAsync(storage.EntityIndexTable, chunk, cancellationToken);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404 && read == 0)
        {
            logger.LogInformation("No {LegacyTable} table: nothing to migrate", StorageNames.LegacyEntityIndexTable);
            return new EntityIndexMigrationResult(0, 0);
        }

        logger.LogInformation(
            "Entity index migrated: {LegacyRows} rows of {LegacyTable} copied to {Table} ({Copied} written, {Releases} releases)",
            read, StorageNames.LegacyEntityIndexTable, StorageNames.EntityIndexTable, copied, statuses.Count);
        return new EntityIndexMigrationResult(read, copied);
    }
}
