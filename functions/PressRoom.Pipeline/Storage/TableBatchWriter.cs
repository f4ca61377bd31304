using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// Writes entities as upsert batches that obey Azure's rules, which Azurite does not enforce:
/// one partition per batch, at most 100 operations and 4 MiB per batch.
/// </summary>
public static class TableBatchWriter
{
    public const int MaxOperations = 100;
    public const int MaxBatchBytes = 4 * 1024 * 1024;

    // Leave room for the multipart envelope around each operation.
    const int PerOperationOverhead = 1024;
    const int BatchBudget = MaxBatchBytes - 64 * 1024;

    /// <summary>Batches in flight at once: partitions are independent, and one release touches dozens of them (EntityIndex).</summary>
    public const int MaxConcurrentBatches = 8;

    public static async Task<int> UpsertAsync(TableClient table, IEnumerable<ITableEntity> entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        int written = 0;
        await Parallel.ForEachAsync(
            Plan(entities),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentBatches, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct);
                Interlocked.Add(ref written, batch.Count);
            });
        return written;
    }

    /// <summary>Groups entities into valid batches (exposed for tests of the rules).</summary>
    public static IEnumerable<List<ITableEntity>> Plan(IEnumerable<ITableEntity> entities)
    {
        foreach (var partition in entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            var batch = new List<ITableEntity>();
            long bytes = 0;
            foreach (var entity in partition)
            {
                long size = EstimateSize(entity) + PerOperationOverhead;
                if (batch.Count == MaxOperations || (batch.Count > 0 && bytes + size > BatchBudget))
                {
                    yield return batch;
                    batch = [];
                    bytes = 0;
                }

                batch.Add(entity);
                bytes += size;
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }

    static long EstimateSize(ITableEntity entity) => entity switch
    {
        TableEntity te => te.Sum(kv => Encoding.UTF8.GetByteCount(kv.Key) + (kv.Value switch
        {
            string s => Encoding.UTF8.GetByteCount(s) * 2L,
            byte[] b => b.Length * 2L,
            _ => 32,
        })),
        _ => Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(entity, entity.GetType())),
    };
}
