using Azure;
using Azure.Data.Tables;

namespace PressRoom.Pipeline.Storage;

/// <summary>An <c>EntityNames</c> row as search reads it: one name token of one entity.</summary>
public sealed class EntityNameRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? Token { get; set; }
    public string? EntityKey { get; set; }
    public string? Category { get; set; }
    public string? Name { get; set; }
    public string? English { get; set; }
    public string? LastReleaseId { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }
}
