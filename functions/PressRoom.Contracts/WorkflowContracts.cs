
namespace PressRoom.Contracts;

/// <summary>Input of <c>ProcessRelease</c>: a pointer to one content version of a blob (claim check).</summary>
public sealed record ReleaseInput
{
    public required string ReleaseId { get; init; }
    public required string DocumentId { get; init; }
    public required string BlobName { get; init; }
    public required string ContentSha256 { get; init; }
    public long Size { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>How it arrived: blob, http, watcher.</summary>
    public string Source { get; init; } = "blob";

    /// <summary>Languages to translate into; fixed when the release is scheduled so replays see the same plan.</summary>
    public IReadOnlyList<string> TargetLanguages { get; init; } = ["en"];
}

/// <summary>What ReadDocument found; the document itself stays in a blob.</summary>
public sealed record DocumentSummary
{
    public bool Rejected { get; init; }
    public string? ReasonCode { get; init; }
    public string? ReasonMessage { get; init; }
    public string? Title { get; init; }
    public string? Format { get; init; }
    public int Characters { get; init; }
    public int Paragraphs { get; init; }
    public DateOnly? DatelineDate { get; init; }

    /// <summary>The language, detected once while the document was read.</summary>
    public LanguageDetection? Language { get; init; }

    /// <summary>Time the detection took inside the read, reported as the <see cref="TaskNames.DetectLanguage"/> timing.</summary>
    public double DetectLanguageMilliseconds { get; init; }

    /// <summary>Entities of the source text, extracted inside the same activity (null from a read that did not extract).</summary>
    public EntitySummary? Entities { get; init; }

    /// <summary>Stages the activity ran, timed on its own clock: ReadDocument and, when it extracted, ExtractEntities.</summary>
    public IReadOnlyList<StageTiming> Stages { get; init; } = [];

    /// <summary>
    /// True when the read stored the source text (<c>text.source.txt</c>) itself, so the save does not read the text
    /// back from document.json; false in messages of reads that did not (the save writes it then).
    /// </summary>
    public bool SourceTextStored { get; init; }

    public static DocumentSummary Rejection(string code, string message) => new() { Rejected = true, ReasonCode = code, ReasonMessage = message };
}

/// <summary>
/// One target language of a release. <paramref name="ReferenceDate"/> (the dateline's date) resolves relative dates
/// when the translation's entities are extracted inside the same activity; absent in messages of the first orchestration version.
/// </summary>
public sealed record TranslateInput(string ReleaseId, string SourceLanguage, string TargetLanguage, DateOnly? ReferenceDate = null);

public sealed record TranslationSummary
{
    public required string TargetLanguage { get; init; }
    public required string Provider { get; init; }
    public required string Status { get; init; }
    public string? Reason { get; init; }
    public long CharactersSent { get; init; }

    /// <summary>Model tokens (chat provider): prompt and completion, retries included; 0 for character-billed providers.</summary>
    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    /// <summary>Paragraphs left untranslated (chat provider), each with its reason code.</summary>
    public int UntranslatedParagraphs { get; init; }

    public string? TextBlob { get; init; }

    /// <summary>Entities of the translation, extracted inside the same activity (null when nothing was translated).</summary>
    public EntitySummary? Entities { get; init; }

    /// <summary>Stages the activity ran, timed on its own clock: Translate and, when it extracted, ExtractEntities.</summary>
    public IReadOnlyList<StageTiming> Stages { get; init; } = [];
}

/// <summary>Which text to analyse: the source (language = source) or a translation (language = target).</summary>
public sealed record ExtractInput(string ReleaseId, string Language, bool IsSource, DateOnly? ReferenceDate);

public sealed record EntitySummary
{
    public required string Language { get; init; }
    public required string Provider { get; init; }
    public int Count { get; init; }
    public IReadOnlyDictionary<string, int> ByCategory { get; init; } = new Dictionary<string, int>();
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public long CharactersSent { get; init; }

    /// <summary>The builtin tagger model version used (issue 14); null for rules-only or cloud providers.</summary>
    public string? ModelVersion { get; init; }
}

/// <summary>
/// Start and end of one stage. The orchestrator records what it times on the orchestration clock (deterministic on
/// replay); stages inside an activity are timed there and come back in the activity's result, so replays see them too.
/// </summary>
public sealed record StageTiming(string Stage, DateTime Start, DateTime End)
{
    public double Milliseconds => (End - Start).TotalMilliseconds;
}

public sealed record SaveInput
{
    public required ReleaseInput Release { get; init; }
    public required DocumentSummary Document { get; init; }
    public LanguageDetection? Language { get; init; }
    public IReadOnlyList<TranslationSummary> Translations { get; init; } = [];
    public IReadOnlyList<EntitySummary> Entities { get; init; } = [];
    public IReadOnlyList<StageTiming> Timings { get; init; } = [];
    public DateTime StartedAt { get; init; }
    public DateTime CompletedAt { get; init; }
}

public sealed record FailureInput(ReleaseInput Release, string Stage, string ReasonCode, string Message, IReadOnlyList<StageTiming> Timings);

/// <summary>Output of <c>ProcessRelease</c>.</summary>
public sealed record ReleaseOutcome(string ReleaseId, string Status, string? ReasonCode = null, string? Message = null, int EntityCount = 0);

/// <summary>Release statuses as stored in the <c>Releases</c> table. Part of the output contract.</summary>
public static class ReleaseStatus
{
    public const string Received = "Received";
    public const string Processing = "Processing";
    public const string Completed = "Completed";
    public const string Rejected = "Rejected";
    public const string Failed = "Failed";
    public const string Superseded = "Superseded";
    public const string Withdrawn = "Withdrawn";
}

/// <summary>Names of the orchestration and activities; the Functions app uses the same names.</summary>
public static class TaskNames
{
    /// <summary>
    /// The release orchestration new releases start under (version 2: entity extraction inside ReadDocument and
    /// Translate). A new name, not new code under the old one, because histories of instances in flight during an
    /// upgrade replay against the code registered under their name.
    /// </summary>
    public const string ProcessRelease = "ProcessReleaseV2";

    /// <summary>
    /// Version 1 (a separate ExtractEntities activity per text). Still registered so instances started before the
    /// upgrade finish; nothing new starts under it. Remove once no instance of it is running.
    /// </summary>
    public const string ProcessReleaseV1 = "ProcessRelease";

    /// <summary>True for any version of the release orchestration.</summary>
    public static bool IsProcessRelease(string? name) =>
        string.Equals(name, ProcessRelease, StringComparison.Ordinal) || string.Equals(name, ProcessReleaseV1, StringComparison.Ordinal);

    public const string ReadDocument = "ReadDocument";
    /// <summary>Not an activity: the timing of the language detection inside <see cref="ReadDocument"/>.</summary>
    public const string DetectLanguage = "DetectLanguage";
    public const string Translate = "Translate";
    /// <summary>A stage inside ReadDocument and Translate; an activity of its own only in <see cref="ProcessReleaseV1"/>.</summary>
    public const string ExtractEntities = "ExtractEntities";
    public const string SaveResults = "SaveResults";
    public const string RecordFailure = "RecordFailure";
}

/// <summary>Carries an entity list between activities through a blob.</summary>
public sealed record EntityDocument(string Language, string Provider, IReadOnlyList<ExtractedEntity> Entities, IReadOnlyList<string> Warnings);

/// <summary>Custom status of a running release: the stage it is in and, after a failure, why.</summary>
public sealed record StageStatus(string Stage, string? ReasonCode = null)
{
    /// <summary>The stage after the last: the outcome is saved.</summary>
    public const string Done = "Done";
}
