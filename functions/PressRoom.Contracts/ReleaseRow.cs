using System.Runtime.Serialization;

namespace PressRoom.Contracts;

/// <summary>
/// A <c>Releases</c> row (docs/output-contract.md lists every column), typed: property names are the stored column
/// names and property types their stored types, so no reader or writer spells a column. Every column is nullable
/// because a write sets only what it knows and the table client skips nulls (a claim writes a few columns, the
/// outcome many); a merge of this row therefore never clears a column it does not name.
/// </summary>
public sealed class ReleaseRow : TypedTableRow
{
    public string? SchemaVersion { get; set; }
    public string? ReleaseId { get; set; }
    public string? DocumentId { get; set; }
    public string? SourceBlob { get; set; }
    public string? ContentSha256 { get; set; }
    public long? Size { get; set; }
    public string? IngestSource { get; set; }

    /// <summary>One of <see cref="ReleaseStatus"/>.</summary>
    public string? Status { get; set; }

    /// <summary>The stage a release in progress is in (see <see cref="TaskNames"/>).</summary>
    public string? Stage { get; set; }

    public string? ReasonCode { get; set; }
    public string? Reason { get; set; }
    public string? Format { get; set; }
    public string? Language { get; set; }
    public string? Title { get; set; }
    public string? TitleEn { get; set; }
    public string? DatelinePlace { get; set; }
    public string? DatelineSource { get; set; }
    public string? DatelineDate { get; set; }
    public int? Characters { get; set; }
    public int? Paragraphs { get; set; }
    public int? EntityCount { get; set; }

    /// <summary>JSON: language → category → count.</summary>
    public string? EntityCounts { get; set; }

    /// <summary>"lang:status;…".</summary>
    public string? TranslationStatus { get; set; }

    public string? TranslationProvider { get; set; }
    public string? EntityProvider { get; set; }

    /// <summary>JSON: stage → milliseconds.</summary>
    public string? Timings { get; set; }

    /// <summary>JSON: provider → characters sent.</summary>
    public string? CharactersSent { get; set; }

    public long? PromptTokens { get; set; }
    public long? CompletionTokens { get; set; }
    public string? ReleaseJson { get; set; }
    public string? SourceTextBlob { get; set; }
    public string? EnglishTextBlob { get; set; }
    public string? ProcessedBy { get; set; }
    public string? Supersedes { get; set; }
    public string? SupersededBy { get; set; }
    public double? DurationMs { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>The status before a withdrawal, restored when the same content is uploaded again.</summary>
    public string? PreviousStatus { get; set; }

    /// <summary>How often the source blob was deleted while this version was live (numbers the withdrawn events).</summary>
    public int? Withdrawals { get; set; }

    /// <summary>
    /// When this version's content last became what the blob holds (its claim or a later re-upload of the same bytes);
    /// versions are ordered by it, falling back to <see cref="ReceivedAt"/>, which never moves.
    /// </summary>
    public DateTimeOffset? VersionAt { get; set; }

    /// <summary>How often earlier content was uploaded again and made this version current.</summary>
    public int? Reuploads { get; set; }

    /// <summary>Reads of the release that started and did not finish (see the read-attempt ledger).</summary>
    public int? ReadAttempts { get; set; }

    /// <summary>The release id, from its column or, for rows written before it existed, the row key.</summary>
    [IgnoreDataMember]
    public string Id => ReleaseId ?? RowKey;

    /// <summary>When the version became current, for ordering versions.</summary>
    [IgnoreDataMember]
    public DateTimeOffset? VersionTime => VersionAt ?? ReceivedAt;
}
