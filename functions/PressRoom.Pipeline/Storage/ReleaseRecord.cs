using PressRoom.Pipeline.Documents;
using System.Text.Json.Serialization;
using PressRoom.Pipeline.Entities;

namespace PressRoom.Pipeline.Storage;

/// <summary>The <c>processed/{releaseId}/release.json</c> document. See docs/output-contract.md and schemas/release.schema.json.</summary>
public sealed record ReleaseRecord
{
    public const string CurrentSchemaVersion = "1.0";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string ReleaseId { get; init; }
    public required string DocumentId { get; init; }
    public required string SourceBlob { get; init; }
    public required string ContentSha256 { get; init; }
    public required string Status { get; init; }
    public string? ReasonCode { get; init; }
    public string? Reason { get; init; }
    public string? Format { get; init; }
    public string? Language { get; init; }
    public string? Script { get; init; }
    public double? LanguageConfidence { get; init; }
    public string? Title { get; init; }
    public IReadOnlyDictionary<string, string> TranslatedTitles { get; init; } = new Dictionary<string, string>();
    public Dateline? Dateline { get; init; }
    public int Characters { get; init; }
    public int Paragraphs { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    public IReadOnlyList<TranslationSummary> Translations { get; init; } = [];
    public IReadOnlyList<EntitySummary> EntitySummaries { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<ExtractedEntity>> Entities { get; init; } = new Dictionary<string, IReadOnlyList<ExtractedEntity>>();

    /// <summary>
    /// Number of mentions when they are streamed from storage instead of held in <see cref="Entities"/> (a large
    /// release); not part of release.json.
    /// </summary>
    [JsonIgnore]
    public int? StreamedEntityCount { get; init; }

    /// <summary>Mentions of every language, held or streamed.</summary>
    [JsonIgnore]
    public int EntityCount => StreamedEntityCount ?? Entities.Values.Sum(l => l.Count);
    public IReadOnlyList<StageTiming> Timings { get; init; } = [];
    public IReadOnlyDictionary<string, string> Blobs { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, long> CharactersSentByProvider { get; init; } = new Dictionary<string, long>();

    /// <summary>Model tokens per token-billed provider (chat): prompt and completion for the whole release.</summary>
    public IReadOnlyDictionary<string, TokenUsage> TokensByProvider { get; init; } = new Dictionary<string, TokenUsage>();
    public string? ProcessedBy { get; init; }

    /// <summary>The earlier version of the same source blob this one replaced (Completed releases only).</summary>
    public string? Supersedes { get; init; }

    /// <summary>The later version that replaced this one; set when the status becomes Superseded.</summary>
    public string? SupersededBy { get; init; }

    /// <summary>When the source blob was deleted; set when the status becomes Withdrawn.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>The fields every outcome of a release shares: identity, source, status and the original/release.json pointers.</summary>
    public static ReleaseRecord For(ReleaseInput release, string status) => new()
    {
        ReleaseId = release.ReleaseId,
        DocumentId = release.DocumentId,
        SourceBlob = release.BlobName,
        ContentSha256 = release.ContentSha256,
        Status = status,
        ReceivedAt = release.ReceivedAt,
        Blobs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["original"] = $"{StorageNames.ReleasesContainer}/{release.BlobName}",
            ["release"] = ReleaseArtifacts.Pointer(release.ReleaseId, ReleaseArtifacts.ReleaseFile),
        },
        ProcessedBy = WorkerIdentity.Current,
    };
}

/// <summary>Tokens a chat model billed for one release.</summary>
public sealed record TokenUsage(long Prompt, long Completion);
