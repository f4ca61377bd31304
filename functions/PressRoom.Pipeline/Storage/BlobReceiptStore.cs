using Azure;
using Azure.Data.Tables;

namespace PressRoom.Pipeline.Storage;

/// <summary>A blob version the runtime has taken in (or parked), keyed by blob name.</summary>
public sealed record BlobReceipt(string BlobName, string? ETag, string? ReleaseId, int Attempts, string? LastError, bool Parked);

/// <summary>
/// Receipts of the local blob watcher, with the semantics of the Functions blob trigger's receipts:
/// a blob version (ETag) is taken in once; failures are counted and, past a threshold, the blob is parked (poison) with its reason.
/// </summary>
public sealed class BlobReceiptStore(PressRoomStorage storage)
{
    const string Partition = StorageNames.ReleasesContainer;

    public async Task<Dictionary<string, BlobReceipt>> LoadAllAsync(CancellationToken cancellationToken)
    {
        var receipts = new Dictionary<string, BlobReceipt>(StringComparer.Ordinal);
        await foreach (var row in storage.ReceiptsTable.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            var receipt = FromRow(row);
            receipts[receipt.BlobName] = receipt;
        }

        return receipts;
    }

    public async Task<BlobReceipt?> GetAsync(string blobName, CancellationToken cancellationToken)
    {
        var row = await storage.ReceiptsTable.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Sanitize(blobName), cancellationToken: cancellationToken);
        return row.HasValue ? FromRow(row.Value!) : null;
    }

    public Task SaveAsync(BlobReceipt receipt, CancellationToken cancellationToken) =>
        storage.ReceiptsTable.UpsertEntityAsync(
            new TableEntity(Partition, TableKeys.Sanitize(receipt.BlobName))
            {
                ["BlobName"] = receipt.BlobName,
                ["ETag"] = receipt.ETag,
                ["ReleaseId"] = receipt.ReleaseId,
                ["Attempts"] = receipt.Attempts,
                ["LastError"] = receipt.LastError is { Length: > 2000 } e ? e[..2000] : receipt.LastError,
                ["Parked"] = receipt.Parked,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>Forgets a blob that is gone (after its release was withdrawn).</summary>
    public async Task DeleteAsync(string blobName, CancellationToken cancellationToken) =>
        await storage.ReceiptsTable.DeleteEntityAsync(Partition, TableKeys.Sanitize(blobName), Azure.ETag.All, cancellationToken);

    static BlobReceipt FromRow(TableEntity row) => new(
        row.GetString("BlobName") ?? row.RowKey,
        row.GetString("ETag"),
        row.GetString("ReleaseId"),
        row.GetInt32("Attempts") ?? 0,
        row.GetString("LastError"),
        row.GetBoolean("Parked") ?? false);
}
