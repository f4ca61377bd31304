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

    /// <summary>
    /// Most bytes one PDF stream may decode to (default 32 MiB). Checked by inflating every compressed stream with a
    /// counting, discarding inflater before PdfPig sees the file, so a decompression bomb costs a few KB of memory.
    /// </summary>
    public long MaxPdfStreamBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Most bytes all streams of one PDF may decode to together (default 128 MiB).</summary>
    public long MaxPdfDecodedBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>
    /// Most glyphs the text operators of one PDF may draw (default 2,000,000), counted from the decoded content streams
    /// before PdfPig lays out a page; each laid-out glyph costs PdfPig about a kilobyte.
    /// </summary>
    public int MaxPdfGlyphs { get; set; } = 2_000_000;

    /// <summary>Most HTML elements the parser may create (default 200,000); counted while parsing.</summary>
    public int MaxHtmlElements { get; set; } = 200_000;

    /// <summary>Largest XML part of a .docx read, in bytes (default 64 MiB); counted while the part is streamed.</summary>
    public long MaxXmlPartBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Longest one read of a document may take before it is stopped and rejected (default 2 minutes).</summary>
    public TimeSpan MaxReadTime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often a running read checks whether its orchestration was terminated (default 2 s; the first check comes
    /// after one interval, so the usual sub-second read costs no storage call).
    /// </summary>
    public TimeSpan ReadWatchInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Reads of one release that may start without finishing (the process died or was killed mid-read) before the
    /// release is parked as Failed/<c>Poison</c> instead of being read again (default 5).
    /// </summary>
    public int MaxReadAttempts { get; set; } = 5;

    /// <summary>A first paragraph longer than this is not used whole as the title (default 300 characters).</summary>
    public int MaxTitleCharacters { get; set; } = 300;

    /// <summary>True when every limit is positive; checked at startup.</summary>
    public bool IsValid() =>
        MaxOriginalBytes > 0 && MaxTextCharacters > 0 && MaxPages > 0 && MaxZipEntries > 0 && MaxExpansionRatio >= 1
        && MaxUncompressedBytes > 0 && MaxNestingDepth > 1 && MaxAttachments >= 0 && MaxTitleCharacters >= 20
        && MaxPdfStreamBytes > 0 && MaxPdfDecodedBytes > 0 && MaxPdfGlyphs > 0 && MaxHtmlElements > 0 && MaxXmlPartBytes > 0
        && MaxReadTime > TimeSpan.Zero && ReadWatchInterval > TimeSpan.Zero && MaxReadAttempts > 0;
}
