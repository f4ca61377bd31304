namespace PressRoom.Pipeline.Storage;

/// <summary>An <c>EntityNames</c> row as search reads it: one name token of one entity.</summary>
public sealed class EntityNameRow : TypedTableRow
{
    public string? Token { get; set; }
    public string? EntityKey { get; set; }
    public string? Category { get; set; }
    public string? Name { get; set; }
    public string? English { get; set; }
    public string? LastReleaseId { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }
}
