namespace PressRoom.Pipeline.Translation;

/// <summary>A translation request: paragraphs in order, their language, the languages wanted.</summary>
public sealed record TranslationRequest(IReadOnlyList<string> Paragraphs, string SourceLanguage, string TargetLanguage);

/// <summary>How a translation ended.</summary>
public enum TranslationStatus
{
    Translated,
    Skipped,
    Failed,
}

/// <summary>Span mapping from the source text to the target text (Translator alignment), per paragraph: UTF-16 offsets within the paragraph, ends exclusive.</summary>
public sealed record AlignmentSpan(int Paragraph, int SourceStart, int SourceEnd, int TargetStart, int TargetEnd);

/// <summary>A paragraph left untranslated, with a reason code (e.g. Chat:ContentFiltered) and a message without release text.</summary>
public sealed record ParagraphIssue(int Paragraph, string ReasonCode, string Message);

/// <summary>A name as written in the source and the English the translation used for it.</summary>
public sealed record TranslatedName(string Source, string English);

/// <summary>The translated paragraphs (same count and order as the source) and what it cost.</summary>
public sealed record TranslationResult
{
    public required string Provider { get; init; }
    public required string TargetLanguage { get; init; }
    public required TranslationStatus Status { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<string> Paragraphs { get; init; } = [];
    public IReadOnlyList<AlignmentSpan> Alignment { get; init; } = [];
    public long CharactersSent { get; init; }

    /// <summary>Paragraphs that could not be translated, each with its reason (the chat provider; empty text in <see cref="Paragraphs"/>).</summary>
    public IReadOnlyList<ParagraphIssue> Issues { get; init; } = [];

    /// <summary>English renderings of source names the translator reported (chat provider), to fill entity English names.</summary>
    public IReadOnlyList<TranslatedName> Names { get; init; } = [];

    /// <summary>Model tokens billed (chat provider): prompt and completion, retries included.</summary>
    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    public static TranslationResult Skipped(string provider, string targetLanguage, string reason) => new()
    {
        Provider = provider,
        TargetLanguage = targetLanguage,
        Status = TranslationStatus.Skipped,
        Reason = reason,
    };
}

/// <summary>A machine translation provider.</summary>
public interface ITranslationProvider
{
    string Name { get; }

    Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken);
}
