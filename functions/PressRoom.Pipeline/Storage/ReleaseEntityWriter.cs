using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// Writes the entity tables of a completed release: <c>ReleaseEntities</c> (one row per distinct entity and language),
/// <c>EntityIndexV2</c> (one row per key of a named entity, <see cref="ReleaseRows.IsIndexed"/>) and the changed
/// <c>EntityNames</c> rows. Rows are built per distinct entity and streamed to the tables in bounded batches, so the
/// cost follows the number of distinct entities, not the number of mentions.
/// </summary>
public sealed class ReleaseEntityWriter(PressRoomStorage storage, EntityNameWriter names, IOptions<SaveOptions> options, ILogger<ReleaseEntityWriter> logger)
{
    /// <summary>Empty folds for one save, with the configured cap on mention offsets per entity row.</summary>
    public ReleaseEntityFolds NewFolds() => new(options.Value.MaxMentionOffsets);

    /// <summary>Writes the tables of a release whose mentions are held in <see cref="ReleaseRecord.Entities"/>.</summary>
    public Task WriteAsync(ReleaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var folds = NewFolds();
        foreach (var (language, mentions) in record.Entities)
        {
            foreach (var mention in mentions)
            {
                folds.Add(language, mention);
            }
        }

        return WriteAsync(record, folds, cancellationToken);
    }

    /// <summary>Writes the tables from mentions folded as they streamed past (<see cref="ReleaseArtifacts.WriteReleaseJsonAsync"/>).</summary>
    public async Task WriteAsync(ReleaseRecord record, ReleaseEntityFolds folds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(folds);
        var elapsed = Stopwatch.StartNew();

        // Distinct entities per category, counted as the entity rows stream past (the batch plan enumerates on one thread).
        var byCategory = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var entityRows = folds.ByLanguage
            .SelectMany(l => ReleaseRows.Entities(record.ReleaseId, l.Language, l.Fold))
            .Select(row =>
            {
                var category = row.Category ?? string.Empty;
                byCategory[category] = byCategory.GetValueOrDefault(category) + 1;
                return row;
            });

        // The three tables are independent upserts; writing them together cuts the save's latency.
        var entitiesTask = TableBatchWriter.UpsertAsync(storage.EntitiesTable, entityRows, cancellationToken);
        var indexTask = TableBatchWriter.UpsertAsync(storage.EntityIndexTable, ReleaseRows.Index(record, folds.Named), cancellationToken);
        var namesTask = names.WriteAsync(ReleaseRows.Names(record, folds.Named), cancellationToken);
        await Task.WhenAll(entitiesTask, indexTask, namesTask);
        logger.LogInformation(
            "Release {ReleaseId}: {EntityRows} entity rows ({EntityRowsByCategory}), {IndexRows} index rows, {NameRows} name rows written in {ElapsedMs} ms",
            record.ReleaseId, entitiesTask.Result, string.Join(", ", byCategory.Select(kv => $"{kv.Key} {kv.Value}")), indexTask.Result, namesTask.Result, elapsed.ElapsedMilliseconds);
    }
}
