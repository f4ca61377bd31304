namespace PressRoom.Pipeline.Documents.Formats;

/// <summary>What a format extractor found: text blocks in reading order and, when the format says so, the title.</summary>
internal sealed record ExtractedText(string Format, string? Title, IReadOnlyList<string> Blocks)
{
    public string? Encoding { get; init; }
    public int? Pages { get; init; }
}
