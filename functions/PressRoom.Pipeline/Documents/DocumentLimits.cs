namespace PressRoom.Pipeline.Documents;

/// <summary><c>Documents:*</c> settings: limits that keep hostile or huge uploads from exhausting the worker.</summary>
public sealed class DocumentLimits
{
    public const string Section = "Documents";

    /// <summary>Largest original accepted, in bytes (default 20 MiB).</summary>
    public long MaxOriginalBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Most characters of extracted text (default 2,000,000 — about 600 pages).</summary>
    public int MaxTextCharacters { get; set; } = 2_000_000;

    /// <summary>Most PDF pages (default 500).</summary>
    public int MaxPages { get; set; } = 500;

    /// <summary>Most entries in a .docx zip package (default 1,000).</summary>
    public int MaxZipEntries { get; set; } = 1_000;

    /// <summary>Largest ratio of uncompressed to compressed size of a .docx package (default 100).</summary>
    public double MaxExpansionRatio { get; set; } = 100;

    /// <summary>Largest total uncompressed size of a .docx package, in bytes (default 256 MiB).</summary>
    public long MaxUncompressedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Deepest element, object or MIME nesting accepted (default 200).</summary>
    public int MaxNestingDepth { get; set; } = 200;

    /// <summary>Most email attachments examined when a message has no body (default 20).</summary>
    public int MaxAttachments { get; set; } = 20;

    /// <summary>A first paragraph longer than this is not used whole as the title (default 300 characters).</summary>
    public int MaxTitleCharacters { get; set; } = 300;

    /// <summary>True when every limit is positive; checked at startup.</summary>
    public bool IsValid() =>
        MaxOriginalBytes > 0 && MaxTextCharacters > 0 && MaxPages > 0 && MaxZipEntries > 0 && MaxExpansionRatio >= 1
        && MaxUncompressedBytes > 0 && MaxNestingDepth > 1 && MaxAttachments >= 0 && MaxTitleCharacters >= 20;
}
