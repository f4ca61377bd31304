namespace PressRoom.Contracts;

/// <summary>Machine-readable reasons a release cannot be processed. Part of the output contract.</summary>
public enum RejectionReason
{
    /// <summary>Not a format PressRoom reads (images, legacy .doc, archives, binary data).</summary>
    UnsupportedFormat,

    /// <summary>Zero bytes, or nothing but whitespace.</summary>
    Empty,

    /// <summary>The original is larger than <see cref="DocumentLimits.MaxOriginalBytes"/>.</summary>
    TooLarge,

    /// <summary>Password-protected PDF or Word document.</summary>
    Encrypted,

    /// <summary>The file claims a format but its structure is broken (truncated, damaged).</summary>
    Corrupt,

    /// <summary>The file is readable but holds no text (a scanned PDF, a page of scripts only, an email without body).</summary>
    NoText,

    /// <summary>The bytes are not valid text in any encoding PressRoom recognises.</summary>
    DecodingFailed,

    /// <summary>Too many pages, characters, zip entries or nesting levels.</summary>
    LimitExceeded,

    /// <summary>Hostile structure: a zip bomb or XML with document type definitions (XXE).</summary>
    UnsafeContent,

    /// <summary>
    /// The blob was replaced by a newer upload before this version was read: the content under the name is no longer
    /// the content this release was scheduled for. The newer content is processed as its own release.
    /// </summary>
    Overwritten,

    /// <summary>
    /// The blob's name breaks <see cref="Storage.BlobNameRules"/> (noncharacters, control, bidirectional or zero-width
    /// characters, or a name storage tools rewrite): it was uploaded by another tool and is not read, only recorded.
    /// </summary>
    InvalidName,
}

/// <summary>Thrown by document readers when input is unusable; never retried. The message is a sentence for people.</summary>
public sealed class DocumentRejectedException(RejectionReason reason, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public RejectionReason Reason { get; } = reason;
}
