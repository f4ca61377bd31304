using Microsoft.Extensions.Options;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// Writes the entity tables of a completed release: <c>ReleaseEntities</c> (one row per distinct entity and language),
/// <c>EntityIndex</c> (one row per entity key) and the changed <c>EntityNames</c> rows. Rows are built per distinct
/// entity and streamed to the tables in bounded batches, so the cost follows the number of distinct entities, not the
/// number of mentions.
/// </summary>
public sealed class ReleaseEntityWriter(PressRoomStorage storage, EntityNameWriter names, IOptions<SaveOptions> options)
{
    public async Task WriteAsync(ReleaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var maxOffsets = options.Value.MaxMentionOffsets;
        var all = record.Entities.Values.SelectMany(l => l);

        // The three tables are independent upserts; writing them together cuts the save's latency.
        await Task.WhenAll(
            TableBatchWriter.UpsertAsync(storage.EntitiesTable, record.Entities.SelectMany(kv => ReleaseRows.Entities(record.ReleaseId, kv.Key, kv.Value, maxOffsets)), cancellationToken),
            TableBatchWriter.UpsertAsync(storage.EntityIndexTable, ReleaseRows.Index(record, all), cancellationToken),
            names.WriteAsync(ReleaseRows.Names(record, all), cancellationToken));
    }
}
