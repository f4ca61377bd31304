namespace PressRoom.Pipeline.Storage;

/// <summary>
/// A <c>ReleasesByTime</c> row: a release's summary under its month, newest first, so a page needs no lookups.
/// <see cref="EntityIndexRow"/> carries the same summary in an entity's partition. Property names are the column names.
/// </summary>
public class ReleaseListingRow : TypedTableRow
{
    public string? SchemaVersion { get; set; }
    public string? ReleaseId { get; set; }
    public string? DocumentId { get; set; }
    public string? SourceBlob { get; set; }

    /// <summary>One of <see cref="ReleaseStatus"/>.</summary>
    public string? Status { get; set; }

    public string? Language { get; set; }
    public string? Title { get; set; }
    public string? TitleEn { get; set; }
    public string? DatelinePlace { get; set; }
    public string? DatelineDate { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public int? EntityCount { get; set; }
    public string? SupersededBy { get; set; }
}

/// <summary>An <c>EntityIndex</c> row: one entity in one release (the release's summary plus the entity's names and mentions).</summary>
public sealed class EntityIndexRow : ReleaseListingRow
{
    public string? EntityKey { get; set; }
    public string? Category { get; set; }
    public string? Text { get; set; }
    public string? English { get; set; }
    public int? Mentions { get; set; }
}

/// <summary>A row of the <c>_buckets</c> partition of <c>ReleasesByTime</c>: its row key is a month that holds releases.</summary>
public sealed class MonthBucketRow : TypedTableRow
{
    public string? SchemaVersion { get; set; }
}
