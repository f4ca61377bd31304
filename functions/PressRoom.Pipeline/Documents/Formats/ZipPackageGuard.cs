using System.IO.Compression;
using System.Text;

namespace PressRoom.Pipeline.Documents.Formats;

/// <summary>
/// Inspects a zip package before any parser opens it: entry count, total declared size and expansion ratio
/// (zip bombs), and every XML part's prolog for document type definitions (XXE, billion laughs).
/// Throws a rejection for anything hostile or not a Word document.
/// </summary>
internal static class ZipPackageGuard
{
    /// <summary>Small packages may compress extremely well (an empty document of zeros); the ratio rule applies above this size.</summary>
    const long RatioFloorBytes = 1024 * 1024;

    /// <summary>An XML prolog longer than this is not what Word writes; the scan stops there.</summary>
    const int PrologScanBytes = 64 * 1024;

    public static void Check(byte[] bytes, ExtractionContext context)
    {
        var limits = context.Limits;
        using var archive = OpenArchive(bytes);
        var entries = archive.Entries;
        if (entries.Count == 0)
        {
            throw new DocumentRejectedException(RejectionReason.Empty, "The zip package has no entries; it is not a Word document.");
        }

        if (entries.Count > limits.MaxZipEntries)
        {
            throw new DocumentRejectedException(
                RejectionReason.LimitExceeded,
                $"The package holds {entries.Count:N0} files, more than the {limits.MaxZipEntries:N0} a Word document may have.");
        }

        long uncompressed = 0, compressed = 0;
        foreach (var entry in entries)
        {
            uncompressed += entry.Length;
            compressed += entry.CompressedLength;
        }

        double ratio = (double)uncompressed / Math.Max(1, compressed);
        if (uncompressed > limits.MaxUncompressedBytes || uncompressed > RatioFloorBytes && ratio > limits.MaxExpansionRatio)
        {
            throw new DocumentRejectedException(
                RejectionReason.UnsafeContent,
                $"The package expands from {compressed:N0} to {uncompressed:N0} bytes (ratio {ratio:N0}:1); that is a zip bomb, not a document.");
        }

        RequireWordDocument(archive);
        foreach (var entry in entries)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                // The declared size is checked here; the parts PressRoom reads are also counted while they stream.
                if (entry.Length > limits.MaxXmlPartBytes)
                {
                    throw new DocumentRejectedException(
                        RejectionReason.LimitExceeded,
                        $"The Word document's part '{entry.FullName}' expands to {entry.Length:N0} bytes of XML, more than the {limits.MaxXmlPartBytes:N0} a release needs.");
                }

                CheckProlog(entry);
            }
        }
    }

    static ZipArchive OpenArchive(byte[] bytes)
    {
        try
        {
            return new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException ex)
        {
            throw new DocumentRejectedException(RejectionReason.Corrupt, "The file starts like a Word document (zip package) but its structure is damaged or cut off.", ex);
        }
    }

    static void RequireWordDocument(ZipArchive archive)
    {
        bool Has(string name) => archive.GetEntry(name) is not null;
        bool HasPrefix(string prefix) => archive.Entries.Any(e => e.FullName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

        if (Has("word/document.xml") && Has("[Content_Types].xml"))
        {
            return;
        }

        string what = HasPrefix("xl/") ? "an Excel workbook"
            : HasPrefix("ppt/") ? "a PowerPoint presentation"
            : Has("mimetype") ? "an OpenDocument file (save it as .docx)"
            : "a zip archive";
        throw new DocumentRejectedException(RejectionReason.UnsupportedFormat, $"The file is {what}, not a Word document or another format PressRoom reads.");
    }

    /// <summary>Reads an XML part up to its root element and rejects any DOCTYPE or ENTITY declaration.</summary>
    static void CheckProlog(ZipArchiveEntry entry)
    {
        var buffer = new byte[PrologScanBytes];
        int filled = 0;
        try
        {
            using var stream = entry.Open();
            int read;
            while (filled < buffer.Length && (read = stream.Read(buffer, filled, buffer.Length - filled)) > 0)
            {
                filled += read;
            }
        }
        catch (InvalidDataException ex)
        {
            throw new DocumentRejectedException(RejectionReason.Corrupt, $"The Word document is damaged: part '{entry.FullName}' cannot be decompressed.", ex);
        }

        var prolog = Decode(buffer.AsSpan(0, filled));
        if (prolog.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || prolog.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase))
        {
            throw new DocumentRejectedException(
                RejectionReason.UnsafeContent,
                $"The Word document declares a document type in '{entry.FullName}' (external entities, XXE); Word never writes that, so it was not opened.");
        }
    }

    /// <summary>The text before the root element, decoded as UTF-16 when it starts with a UTF-16 mark or pattern, else UTF-8.</summary>
    static string Decode(ReadOnlySpan<byte> bytes)
    {
        bool utf16 = bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0x3C && bytes[1] == 0x00);
        bool utf16Be = bytes.Length >= 2 && (bytes[0] == 0xFE && bytes[1] == 0xFF || bytes[0] == 0x00 && bytes[1] == 0x3C);
        var text = utf16 ? Encoding.Unicode.GetString(bytes) : utf16Be ? Encoding.BigEndianUnicode.GetString(bytes) : Encoding.UTF8.GetString(bytes);
        int root = RootElementStart(text);
        return root < 0 ? text : text[..root];
    }

    static int RootElementStart(string text)
    {
        for (int i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == '<' && (char.IsLetter(text[i + 1]) || text[i + 1] is '_' or ':'))
            {
                return i;
            }
        }

        return -1;
    }
}
