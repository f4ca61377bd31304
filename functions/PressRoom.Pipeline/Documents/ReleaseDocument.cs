using System.Text.Json.Serialization;

namespace PressRoom.Pipeline.Documents;

/// <summary>The clean text of one release, whatever format it arrived in.</summary>
public sealed record ReleaseDocument
{
    public required string Title { get; init; }
    public Dateline? Dateline { get; init; }

    /// <summary>Body paragraphs in reading order (the dateline line, when it stands alone, is the first of them).</summary>
    public required IReadOnlyList<string> Paragraphs { get; init; }

    /// <summary>Title and paragraphs joined by blank lines ("\n\n"); entity offsets refer to this text.</summary>
    public required string Text { get; init; }

    /// <summary>The format the reader recognised by content (txt, md, html, docx, pdf, eml).</summary>
    public required string Format { get; init; }

    /// <summary>The text encoding of txt/md/html originals (utf-8, utf-8-bom, utf-16le, utf-16be, windows-1256).</summary>
    public string? Encoding { get; init; }

    /// <summary>Number of pages of a PDF original.</summary>
    public int? Pages { get; init; }

    /// <summary>ISO 639-1 code of the detected language.</summary>
    public string? Language { get; init; }

    /// <summary>ISO 15924 code of the dominant script (Arab, Latn …).</summary>
    public string? Script { get; init; }

    /// <summary>Confidence of the language detection, 0..1. The language is detected once, here, for the CLI and the workflow alike.</summary>
    public double LanguageConfidence { get; init; }

    /// <summary>How long the language detection took: reported as the DetectLanguage stage of the read, not stored.</summary>
    [JsonIgnore]
    public TimeSpan LanguageDetectionTime { get; init; }

    /// <summary>The detection as the workflow carries it.</summary>
    [JsonIgnore]
    public LanguageDetection Detection => new(Language ?? "und", Script ?? "Zyyy", LanguageConfidence);

    /// <summary>UTF-16 code units of <see cref="Text"/> (the unit of entity offsets).</summary>
    public int CharacterCount => Text.Length;

    /// <summary>Letters and digits in <see cref="Text"/>, a language-neutral measure of length.</summary>
    public int LetterCount => Text.Count(char.IsLetterOrDigit);

    public required string OriginalSha256 { get; init; }

    /// <summary>SHA-256 of <see cref="TextNormalizer.Normalize"/>(<see cref="Text"/>): equal for the same release in different formats.</summary>
    public required string NormalizedSha256 { get; init; }
}

/// <summary>The "place – agency – date" line that opens most releases. <see cref="DateText"/> is as written; <see cref="Date"/> is resolved.</summary>
public sealed record Dateline(string? Place, string? Source, string? DateText, DateOnly? Date);
