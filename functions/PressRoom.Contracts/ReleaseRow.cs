using Azure;
using Azure.Data.Tables;

namespace PressRoom.Contracts;

/// <summary>
/// A <c>Releases</c> row as readers see it (docs/output-contract.md lists every column): the columns that are read
/// back by name, typed, so no reader spells a column. Columns no reader needs are left out; the table client ignores them.
/// </summary>
public sealed class ReleaseRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? ReleaseId { get; set; }
    public string? DocumentId { get; set; }
    public string? SourceBlob { get; set; }
    public string? ContentSha256 { get; set; }

    /// <summary>One of <see cref="ReleaseStatus"/>.</summary>
    public string? Status { get; set; }

    /// <summary>The stage a release in progress is in (see <see cref="TaskNames"/>).</summary>
    public string? Stage { get; set; }

    public string? ReasonCode { get; set; }
    public string? Reason { get; set; }
    public string? Language { get; set; }
    public string? Title { get; set; }
    public string? TitleEn { get; set; }
    public string? DatelinePlace { get; set; }
    public string? DatelineDate { get; set; }

    /// <summary>JSON: language → category → count.</summary>
    public string? EntityCounts { get; set; }

    /// <summary>"lang:status;…".</summary>
    public string? TranslationStatus { get; set; }

    /// <summary>JSON: stage → milliseconds.</summary>
    public string? Timings { get; set; }

    public string? Supersedes { get; set; }
    public string? SupersededBy { get; set; }
    public double? DurationMs { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>The release id, from its column or, for rows written before it existed, the row key.</summary>
    public string Id => ReleaseId ?? RowKey;
}
