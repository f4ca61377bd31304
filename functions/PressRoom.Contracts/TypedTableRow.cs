using Azure;
using Azure.Data.Tables;

namespace PressRoom.Contracts;

/// <summary>The keys and system columns every typed table row has; a row class adds its columns (property name = column name).</summary>
public abstract class TypedTableRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
}
