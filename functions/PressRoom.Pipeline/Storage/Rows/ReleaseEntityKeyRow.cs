using Azure;
using Azure.Data.Tables;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// The one column of a <c>ReleaseEntities</c> row a status change reads (which <c>EntityIndex</c> partitions list the
/// release). A projection, never written: the entity rows themselves are written by the save.
/// </summary>
public sealed class ReleaseEntityKeyRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? EntityKey { get; set; }
}
