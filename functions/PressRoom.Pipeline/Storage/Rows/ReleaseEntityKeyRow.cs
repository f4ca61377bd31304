namespace PressRoom.Pipeline.Storage;

/// <summary>
/// The one column of a <c>ReleaseEntities</c> row a status change reads (which <c>EntityIndex</c> partitions list the
/// release). A projection, never written: the entity rows themselves are written by the save.
/// </summary>
public sealed class ReleaseEntityKeyRow : TypedTableRow
{
    public string? EntityKey { get; set; }
}
