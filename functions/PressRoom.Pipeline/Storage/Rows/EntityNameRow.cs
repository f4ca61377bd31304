namespace PressRoom.Pipeline.Storage;

/// <summary>An <c>EntityNames</c> row: one normalized name token of one entity, written by the save and read by search.</summary>
public sealed class EntityNameRow : TypedTableRow
{
    public string? SchemaVersion { get; set; }
    public string? Token { get; set; }
    public string? EntityKey { get; set; }
    public string? Category { get; set; }
    public string? Name { get; set; }
    public string? English { get; set; }
    public string? LastReleaseId { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }
}
