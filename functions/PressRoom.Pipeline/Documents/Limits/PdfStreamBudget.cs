using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace PressRoom.Pipeline.Documents.Limits;

/// <summary>
/// Inspects every stream of a PDF before PdfPig opens it. PdfPig decodes a stream whole into memory and has no limit
/// of its own, so a few hundred KB of deflated zeros become gigabytes. Here each stream's filter chain is decoded
/// through counting, discarding readers (a few KB of memory whatever the ratio) and the file is rejected as soon as a
/// stream or the whole document passes its budget. The decoded page content is also scanned for the glyphs its text
/// operators draw, because PdfPig's laid-out letters cost about a kilobyte each.
/// Covered: FlateDecode (as PdfPig decodes it: zlib header skipped, raw deflate), ASCIIHex, ASCII85 and RunLength,
/// alone or chained. Not covered: LZWDecode (rare since PDF 1.2); image codecs are not decoded for text extraction.
/// </summary>
internal static partial class PdfStreamBudget
{
    /// <summary>A stream dictionary longer than this is not what PDF writers produce; the look-back stops there.</summary>
    const int MaxDictionaryBytes = 64 * 1024;

    public static PdfBudgetUse Check(byte[] pdf, DocumentLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(limits);
        var use = new PdfBudgetUse();
        int from = 0;
        while (from < pdf.Length)
        {
            int keyword = pdf.AsSpan(from).IndexOf("stream"u8);
            if (keyword < 0)
            {
                break;
            }

            keyword += from;
            from = keyword + 6;
            if (keyword >= 3 && pdf.AsSpan(keyword - 3, 3).SequenceEqual("end"u8) || DataStart(pdf, keyword + 6) is not { } data)
            {
                continue;
            }

            if (DictionaryBefore(pdf, keyword) is not { } dictionary)
            {
                continue;
            }

            int end = pdf.AsSpan(data).IndexOf("endstream"u8);
            end = end < 0 ? pdf.Length : data + end;
            from = end;
            cancellationToken.ThrowIfCancellationRequested();
            Measure(pdf, data, end - data, StreamInfo.Parse(dictionary), limits, use, cancellationToken);
        }

        return use;
    }

    static void Measure(byte[] pdf, int offset, int length, StreamInfo info, DocumentLimits limits, PdfBudgetUse use, CancellationToken cancellationToken)
    {
        if (info.Filters.Count == 0)
        {
            if (info.IsPageContent)
            {
                CountGlyphs(new MemoryStream(pdf, offset, length, writable: false), limits, use, cancellationToken);
            }

            return;
        }

        // A view of the original bytes, not a copy.
        Stream current = new MemoryStream(pdf, offset, length, writable: false);
        try
        {
            bool decodedFully = true;
            foreach (var filter in info.Filters)
            {
                var decoded = Decode(filter, current);
                if (decoded is null)
                {
                    decodedFully = false; // an image codec, LZW or an unknown name: PdfPig's business from here
                    break;
                }

                long remaining = limits.MaxPdfDecodedBytes - use.DecodedBytes;
                long layerLimit = Math.Min(limits.MaxPdfStreamBytes, remaining);
                current = new CountingReadStream(decoded, layerLimit, read => layerLimit == limits.MaxPdfStreamBytes
                    ? new DocumentRejectedException(
                        RejectionReason.UnsafeContent,
                        $"A stream of the PDF expands from {length:N0} bytes to more than {Megabytes(limits.MaxPdfStreamBytes)}; that is a decompression bomb, not a document.")
                    : new DocumentRejectedException(
                        RejectionReason.LimitExceeded,
                        $"The PDF's streams expand to more than {Megabytes(limits.MaxPdfDecodedBytes)} in all, more than PressRoom reads in one release."),
                    cancellationToken);
            }

            if (decodedFully && info.IsPageContent)
            {
                CountGlyphs(current, limits, use, cancellationToken);
            }
            else
            {
                Drain(current);
            }

            use.DecodedBytes += current is CountingReadStream counted ? counted.BytesRead : 0;
        }
        catch (InvalidDataException)
        {
            // Damaged compressed data: PdfPig decides whether the file is still readable; its decoding stops here too.
        }
        finally
        {
            current.Dispose();
        }
    }

    /// <summary>A reader of the filter's output, or null when the filter is not decoded for text extraction.</summary>
    static Stream? Decode(string filter, Stream input)
    {
        switch (filter)
        {
            case "FlateDecode" or "Fl":
                // As PdfPig does: the two zlib header bytes are skipped and the rest read as raw deflate.
                input.ReadByte();
                input.ReadByte();
                return new DeflateStream(input, CompressionMode.Decompress);
            case "ASCIIHexDecode" or "AHx":
                return new MemoryStream(AsciiFilters.HexDecode(ReadAll(input)), writable: false);
            case "ASCII85Decode" or "A85":
                return new MemoryStream(AsciiFilters.Ascii85Decode(ReadAll(input)), writable: false);
            case "RunLengthDecode" or "RL":
                return new RunLengthReadStream(input);
            default:
                return null;
        }
    }

    /// <summary>ASCII filters shrink their input, so reading a layer whole costs at most the original's size.</summary>
    static byte[] ReadAll(Stream input)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        return buffer.ToArray();
    }

    static void Drain(Stream stream)
    {
        var buffer = new byte[16 * 1024];
        while (stream.Read(buffer) > 0)
        {
        }
    }

    static void CountGlyphs(Stream content, DocumentLimits limits, PdfBudgetUse use, CancellationToken cancellationToken)
    {
        var counter = new PdfGlyphCounter();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = content.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            counter.Feed(buffer.AsSpan(0, read));
            if (use.Glyphs + counter.Glyphs > limits.MaxPdfGlyphs)
            {
                throw new DocumentRejectedException(
                    RejectionReason.LimitExceeded,
                    $"The PDF's pages draw more than {limits.MaxPdfGlyphs:N0} characters, more than PressRoom reads in one release.");
            }
        }

        use.Glyphs += counter.Glyphs;
    }

    /// <summary>Where a stream's data starts: after "stream" and its end-of-line (CRLF or LF; a lone CR is tolerated).</summary>
    static int? DataStart(byte[] pdf, int afterKeyword)
    {
        if (afterKeyword >= pdf.Length)
        {
            return null;
        }

        if (pdf[afterKeyword] == '\r')
        {
            return afterKeyword + 1 < pdf.Length && pdf[afterKeyword + 1] == '\n' ? afterKeyword + 2 : afterKeyword + 1;
        }

        return pdf[afterKeyword] == '\n' ? afterKeyword + 1 : null;
    }

    /// <summary>The dictionary (<c>&lt;&lt; … &gt;&gt;</c>, nested ones included) right before the "stream" keyword, or null.</summary>
    static string? DictionaryBefore(byte[] pdf, int keyword)
    {
        int close = keyword - 1;
        while (close >= 0 && pdf[close] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0 or 12)
        {
            close--;
        }

        if (close < 1 || pdf[close] != '>' || pdf[close - 1] != '>')
        {
            return null;
        }

        int depth = 0;
        int stop = Math.Max(0, close - MaxDictionaryBytes);
        for (int i = close; i > stop; i--)
        {
            if (pdf[i] == '>' && pdf[i - 1] == '>')
            {
                depth++;
                i--;
            }
            else if (pdf[i] == '<' && pdf[i - 1] == '<')
            {
                depth--;
                i--;
                if (depth == 0)
                {
                    return Encoding.Latin1.GetString(pdf, i, close + 1 - i);
                }
            }
        }

        return null;
    }

    static string Megabytes(long bytes) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1048576d:0.#} MB");

    /// <summary>What a stream dictionary says about decoding: its filter chain and whether it is page content.</summary>
    sealed record StreamInfo(IReadOnlyList<string> Filters, bool IsPageContent)
    {
        public static StreamInfo Parse(string dictionary)
        {
            var filters = new List<string>();
            var match = FilterEntry().Match(dictionary);
            if (match.Success)
            {
                var value = match.Groups[1].Value;
                if (IndirectReference().IsMatch(value))
                {
                    filters.Add("FlateDecode"); // an indirect filter is almost always Flate; a wrong guess only fails to decode
                }
                else
                {
                    filters.AddRange(Names().Matches(value).Select(m => m.Groups[1].Value));
                }
            }

            // Page content and form XObjects have no /Type other than /XObject; fonts, images, ICC profiles, object
            // and cross-reference streams say what they are.
            bool isForm = dictionary.Contains("/Subtype/Form", StringComparison.Ordinal) || FormSubtype().IsMatch(dictionary);
            bool declaresKind = dictionary.Contains("/Subtype", StringComparison.Ordinal) || TypeEntry().IsMatch(dictionary)
                || dictionary.Contains("/Length1", StringComparison.Ordinal) || NEntry().IsMatch(dictionary);
            return new StreamInfo(filters, isForm || !declaresKind);
        }
    }

    [GeneratedRegex(@"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+|\d+\s+\d+\s+R)")]
    private static partial Regex FilterEntry();

    [GeneratedRegex(@"^\d+\s+\d+\s+R$")]
    private static partial Regex IndirectReference();

    [GeneratedRegex(@"/([^\s/\[\]<>()]+)")]
    private static partial Regex Names();

    [GeneratedRegex(@"/Subtype\s*/Form\b")]
    private static partial Regex FormSubtype();

    [GeneratedRegex(@"/Type\s*/(?!XObject\b)")]
    private static partial Regex TypeEntry();

    [GeneratedRegex(@"/N\s+\d")]
    private static partial Regex NEntry();
}

/// <summary>What the streams of one PDF decoded to, for logs and tests.</summary>
internal sealed class PdfBudgetUse
{
    public long DecodedBytes { get; set; }
    public long Glyphs { get; set; }
}
