using Azure;
using Azure.Data.Tables;

namespace PressRoom.Pipeline.Storage;

/// <summary>A blob watcher receipt row (partition: the container, row: the sanitized blob name).</summary>
public sealed class BlobReceiptRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? BlobName { get; set; }

    /// <summary>The ETag of the blob version taken in (a column, not this row's own <see cref="ITableEntity.ETag"/>).</summary>
    [System.Runtime.Serialization.DataMember(Name = "ETag")]
    public string? BlobETag { get; set; }

    public string? ReleaseId { get; set; }
    public int? Attempts { get; set; }
    public string? LastError { get; set; }
    public bool? Parked { get; set; }
}
