using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// Writes the entity tables of a completed release: <c>ReleaseEntities</c> (one row per distinct entity and language),
/// <c>EntityIndex</c> (one row per key of a named entity, <see cref="ReleaseRows.IsIndexed"/>) and the changed
/// <c>EntityNames</c> rows. Rows are built per distinct entity and streamed to the tables in bounded batches, so the
/// cost follows the number of distinct entities, not the number of mentions.
/// </summary>
public sealed class ReleaseEntityWriter(PressRoomStorage storage, EntityNameWriter names, IOptions<SaveOptions> options, ILogger<ReleaseEntityWriter> logger)
{
    public async Task WriteAsync(ReleaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var elapsed = Stopwatch.StartNew();
        var maxOffsets = options.Value.MaxMentionOffsets;
        var all = record.Entities.Values.SelectMany(l => l);

        // Distinct entities per category, counted as the entity rows stream past (the batch plan enumerates on one thread).
        var byCategory = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var entityRows = record.Entities
            .SelectMany(kv => ReleaseRows.Entities(record.ReleaseId, kv.Key, kv.Value, maxOffsets))
            .Select(row =>
            {
                var category = row.Category ?? string.Empty;
                byCategory[category] = byCategory.GetValueOrDefault(category) + 1;
                return row;
            });

        // The three tables are independent upserts; writing them together cuts the save's latency.
        var entitiesTask = TableBatchWriter.UpsertAsync(storage.EntitiesTable, entityRows, cancellationToken);
        var indexTask = TableBatchWriter.UpsertAsync(storage.EntityIndexTable, ReleaseRows.Index(record, all), written: null, TableBatchWriter.MaxConcurrentSingleRowBatches, cancellationToken);
        var namesTask = names.WriteAsync(ReleaseRows.Names(record, all), cancellationToken);
        await Task.WhenAll(entitiesTask, indexTask, namesTask);
        logger.LogInformation(
            "Release {ReleaseId}: {EntityRows} entity rows ({EntityRowsByCategory}), {IndexRows} index rows, {NameRows} name rows written in {ElapsedMs} ms",
            record.ReleaseId, entitiesTask.Result, string.Join(", ", byCategory.Select(kv => $"{kv.Key} {kv.Value}")), indexTask.Result, namesTask.Result, elapsed.ElapsedMilliseconds);
    }
}
