using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// Writes the entity tables of a completed release: <c>ReleaseEntities</c> (one row per distinct entity and language),
/// <c>EntityIndex</c> (one row per entity key) and the changed <c>EntityNames</c> rows. Rows are built per distinct
/// entity and streamed to the tables in bounded batches, so the cost follows the number of distinct entities, not the
/// number of mentions.
/// </summary>
public sealed class ReleaseEntityWriter(PressRoomStorage storage, EntityNameWriter names, IOptions<SaveOptions> options, ILogger<ReleaseEntityWriter> logger)
{
    public async Task WriteAsync(ReleaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var clock = Stopwatch.StartNew();
        var maxOffsets = options.Value.MaxMentionOffsets;
        var all = record.Entities.Values.SelectMany(l => l);

        // The three tables are independent upserts; writing them together cuts the save's latency.
        var entityRows = TableBatchWriter.UpsertAsync(storage.EntitiesTable, record.Entities.SelectMany(kv => ReleaseRows.Entities(record.ReleaseId, kv.Key, kv.Value, maxOffsets)), cancellationToken);
        var indexRows = TableBatchWriter.UpsertAsync(storage.EntityIndexTable, ReleaseRows.Index(record, all), written: null, TableBatchWriter.MaxConcurrentSingleRowBatches, cancellationToken);
        var nameRows = names.WriteAsync(ReleaseRows.Names(record, all), cancellationToken);
        await Task.WhenAll(entityRows, indexRows, nameRows);
        logger.LogInformation(
            "Release {ReleaseId}: {EntityRows} entity rows, {IndexRows} index rows, {NameRows} name rows written in {ElapsedMs} ms",
            record.ReleaseId, entityRows.Result, indexRows.Result, nameRows.Result, clock.ElapsedMilliseconds);
    }
}
