using System.Buffers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// Writes entities as upsert batches that obey Azure's rules, which Azurite does not enforce:
/// one partition per batch, at most 100 operations and 4 MiB per batch. The rows are streamed: batches go out while
/// the source is still being enumerated, and at most <see cref="MaxBufferedRows"/> rows wait in open batches, so a
/// release with a hundred thousand rows never becomes one list in memory.
/// </summary>
public static class TableBatchWriter
{
    public const int MaxOperations = 100;
    public const int MaxBatchBytes = 4 * 1024 * 1024;

    /// <summary>Rows held in partially filled batches before they are all sent as they are.</summary>
    public const int MaxBufferedRows = 1_000;

    // Leave room for the multipart envelope around each operation.
    const int PerOperationOverhead = 1024;
    const int BatchBudget = MaxBatchBytes - 64 * 1024;

    /// <summary>Batches in flight at once: partitions are independent, and a large release fills many batches.</summary>
    public const int MaxConcurrentBatches = 8;

    public static Task<int> UpsertAsync(TableClient table, IEnumerable<ITableEntity> entities, CancellationToken cancellationToken) =>
        UpsertAsync(table, entities, written: null, MaxConcurrentBatches, cancellationToken);

    /// <param name="written">Called after each batch was stored (from the writing task; must be thread-safe).</param>
    /// <param name="concurrency">Batches in flight at most.</param>
    public static async Task<int> UpsertAsync(
        TableClient table, IEnumerable<ITableEntity> entities, Action<IReadOnlyList<ITableEntity>>? written, int concurrency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        int count = 0;

        // Parallel.ForEachAsync pulls the lazy plan one batch at a time as a writer frees up: bounded in flight and in memory.
        await Parallel.ForEachAsync(
            Plan(entities),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct);
                Interlocked.Add(ref count, batch.Count);
                written?.Invoke(batch);
            });
        return count;
    }

    /// <summary>Groups entities into valid batches as they come (exposed for tests of the rules).</summary>
    public static IEnumerable<List<ITableEntity>> Plan(IEnumerable<ITableEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var open = new Dictionary<string, (List<ITableEntity> Rows, long Bytes)>(StringComparer.Ordinal);
        int buffered = 0;
        using var sizing = new RowSizer();
        foreach (var entity in entities)
        {
            long size = sizing.Estimate(entity) + PerOperationOverhead;
            if (open.TryGetValue(entity.PartitionKey, out var batch) && batch.Bytes + size > BatchBudget)
            {
                open.Remove(entity.PartitionKey);
                buffered -= batch.Rows.Count;
                yield return batch.Rows;
                batch = default;
            }

            batch.Rows ??= [];
            batch.Rows.Add(entity);
            batch.Bytes += size;
            buffered++;
            if (batch.Rows.Count == MaxOperations)
            {
                // Full: send it now (one partition's rows, e.g. ReleaseEntities, go out 100 at a time).
                open.Remove(entity.PartitionKey);
                buffered -= batch.Rows.Count;
                yield return batch.Rows;
                continue;
            }

            open[entity.PartitionKey] = batch;
            if (buffered >= MaxBufferedRows)
            {
                // Many partitions with a few rows each: send what is there rather than hold it all.
                foreach (var rows in open.Values)
                {
                    yield return rows.Rows;
                }

                open.Clear();
                buffered = 0;
            }
        }

        foreach (var rows in open.Values)
        {
            yield return rows.Rows;
        }
    }

    /// <summary>
    /// A row's size as JSON, the way it is sent: typed rows are serialized into one reused buffer, so sizing the rows
    /// of a large release makes no garbage (it made a string per row).
    /// </summary>
    sealed class RowSizer : IDisposable
    {
        readonly ArrayBufferWriter<byte> buffer = new(4 * 1024);
        Utf8JsonWriter? writer;

        public long Estimate(ITableEntity entity)
        {
            if (entity is TableEntity bag)
            {
                return bag.Sum(kv => Encoding.UTF8.GetByteCount(kv.Key) + (kv.Value switch
                {
                    string s => Encoding.UTF8.GetByteCount(s) * 2L,
                    byte[] b => b.Length * 2L,
                    _ => 32,
                }));
            }

            buffer.ResetWrittenCount();
            if (writer is null)
            {
                writer = new Utf8JsonWriter(buffer);
            }
            else
            {
                writer.Reset(buffer);
            }

            JsonSerializer.Serialize(writer, entity, entity.GetType());
            writer.Flush();
            return buffer.WrittenCount;
        }

        public void Dispose() => writer?.Dispose();
    }
}
