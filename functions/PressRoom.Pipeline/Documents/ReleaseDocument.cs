namespace PressRoom.Pipeline.Documents;

/// <summary>The clean text of one release, whatever format it arrived in.</summary>
public sealed record ReleaseDocument
{
    public required string Title { get; init; }
    public Dateline? Dateline { get; init; }
    public required IReadOnlyList<string> Paragraphs { get; init; }

    /// <summary>Title and paragraphs joined by blank lines; entity offsets refer to this text.</summary>
    public required string Text { get; init; }

    /// <summary>The format the reader recognised (txt, md, html, docx, pdf, eml).</summary>
    public required string Format { get; init; }

    public string? Language { get; init; }
    public string? Script { get; init; }
    public int CharacterCount => Text.Length;
    public required string OriginalSha256 { get; init; }
    public required string NormalizedSha256 { get; init; }
}

/// <summary>The "place – agency – date" line that opens most releases.</summary>
public sealed record Dateline(string? Place, string? Source, string? DateText, DateOnly? Date);
