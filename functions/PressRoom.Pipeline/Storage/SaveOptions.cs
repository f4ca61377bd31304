namespace PressRoom.Pipeline.Storage;

/// <summary><c>Save:*</c> settings: how much of a release's entity list goes into table rows.</summary>
public sealed class SaveOptions
{
    public const string Section = "Save";

    /// <summary>
    /// Mention offsets kept on a <c>ReleaseEntities</c> row (default 32); the row's <c>MentionCount</c> is always exact
    /// and release.json keeps every mention. 0 keeps none.
    /// </summary>
    public int MaxMentionOffsets { get; set; } = ReleaseRows.DefaultMaxMentionOffsets;

    public bool IsValid() => MaxMentionOffsets is >= 0 and <= 1_000;
}
