using System.Collections.Concurrent;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// Writes a release's <c>EntityNames</c> rows, skipping rows this process wrote with the same name, English name and
/// category less than <see cref="RefreshInterval"/> ago. The same people, bodies and places recur release after
/// release, and those rows were most of a release's table writes; the cost is that a row's <c>LastReleaseId</c> and
/// <c>LastSeenAt</c> may lag by up to the interval (docs/output-contract.md says so).
/// </summary>
public sealed class EntityNameWriter(PressRoomStorage storage, TimeProvider clock)
{
    /// <summary>How stale <c>LastSeenAt</c> may get for a name seen again.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(10);

    /// <summary>Rows remembered at most; past it the memory starts over (a few extra writes, never a wrong one).</summary>
    const int Capacity = 100_000;

    readonly ConcurrentDictionary<(string PartitionKey, string RowKey), (string Content, DateTimeOffset WrittenAt)> written = new();

    /// <summary>Writes the rows that changed or are stale, streamed in batches (never collected into one list).</summary>
    /// <returns>The rows written (the rest were fresh already).</returns>
    public Task<int> WriteAsync(IEnumerable<EntityNameRow> rows, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = rows.Where(row => !written.TryGetValue((row.PartitionKey, row.RowKey), out var last)
            || last.Content != Content(row)
            || now - last.WrittenAt >= RefreshInterval);

        // Remembered per stored batch, so a failed batch is written again next time.
        return TableBatchWriter.UpsertAsync(storage.EntityNamesTable, due, batch =>
        {
            if (written.Count + batch.Count > Capacity)
            {
                written.Clear();
            }

            foreach (var row in batch.Cast<EntityNameRow>())
            {
                written[(row.PartitionKey, row.RowKey)] = (Content(row), now);
            }
        }, TableBatchWriter.MaxConcurrentBatches, cancellationToken);
    }

    static string Content(EntityNameRow row) => $"{row.Category}\u001f{row.Name}\u001f{row.English}";
}
