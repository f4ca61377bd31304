namespace PressRoom.Pipeline.Storage;

/// <summary>
/// A <c>ReleaseEntities</c> row: one distinct entity (key) of one language of a release, described by its first
/// mention, with the exact mention count and a capped list of mention offsets (docs/output-contract.md).
/// A status change reads only <see cref="EntityKey"/> and <see cref="Category"/> of these rows (a projection).
/// </summary>
public sealed class ReleaseEntityRow : TypedTableRow
{
    public string? SchemaVersion { get; set; }
    public string? ReleaseId { get; set; }
    public string? Language { get; set; }
    public string? Category { get; set; }
    public string? Subcategory { get; set; }
    public string? Text { get; set; }
    public string? English { get; set; }
    public string? Value { get; set; }
    public string? EntityKey { get; set; }
    public int? Offset { get; set; }
    public int? Length { get; set; }
    public double? Confidence { get; set; }
    public string? Provider { get; set; }

    /// <summary>JSON object of extra facts.</summary>
    public string? Attributes { get; set; }

    /// <summary>Mentions of the entity in that language's text, never capped.</summary>
    public int? MentionCount { get; set; }

    /// <summary>JSON array of the first mentions' UTF-16 offsets, at most <c>Save:MaxMentionOffsets</c>.</summary>
    public string? MentionOffsets { get; set; }
}
