using System.Text;
using PressRoom.Pipeline.Documents.Limits;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace PressRoom.Pipeline.Documents.Formats;

/// <summary>
/// PDFs with a text layer, read with PdfPig page by page. Lines are rebuilt from glyph positions (see
/// <see cref="PdfLineBuilder"/>) in top-to-bottom order, which suits the single-column layout of releases.
/// A PDF without the end-of-file marker is rejected as cut off rather than half-read; one without any text
/// is a scan. Parsing is lenient about small structural errors, bounded by page and nesting limits.
/// </summary>
internal static class PdfExtractor
{
    public static ExtractedText Extract(byte[] bytes, ExtractionContext context)
    {
        RequireEndOfFile(bytes);

        // PdfPig decodes streams whole and without limits: the budgets are checked on the raw streams first.
        PdfStreamBudget.Check(bytes, context.Limits, context.CancellationToken);
        var options = new ParsingOptions
        {
            UseLenientParsing = true,
            SkipMissingFonts = true,
            MaxStackDepth = context.Limits.MaxNestingDepth,
        };

        try
        {
            using var document = PdfDocument.Open(bytes, options);
            if (document.NumberOfPages > context.Limits.MaxPages)
            {
                throw new DocumentRejectedException(
                    RejectionReason.LimitExceeded,
                    $"The PDF has {document.NumberOfPages:N0} pages; PressRoom reads at most {context.Limits.MaxPages:N0} per release.");
            }

            var blocks = new List<string>();
            for (int number = 1; number <= document.NumberOfPages; number++)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var page = document.GetPage(number);
                var glyphs = page.Letters.Select(l => new PlacedGlyph(
                    l.Value,
                    Math.Min(l.StartBaseLine.X, l.EndBaseLine.X),
                    Math.Max(l.StartBaseLine.X, l.EndBaseLine.X),
                    l.StartBaseLine.Y,
                    l.PointSize));
                var lines = PdfLineBuilder.BuildLines(glyphs);
                DropPageNumbers(lines);
                foreach (var paragraph in PdfLineBuilder.BuildParagraphs(lines))
                {
                    context.Spend(paragraph.Length);
                    blocks.Add(paragraph);
                }
            }

            if (blocks.Count == 0)
            {
                throw new DocumentRejectedException(RejectionReason.NoText, "This PDF has no text layer — it looks scanned.");
            }

            return new ExtractedText("pdf", null, blocks) { Pages = document.NumberOfPages };
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new DocumentRejectedException(RejectionReason.Encrypted, "This PDF is password-protected; upload a copy without a password.", ex);
        }
        catch (PdfDocumentStackDepthException ex)
        {
            throw new DocumentRejectedException(RejectionReason.LimitExceeded, "The PDF's objects are nested deeper than any real document; it was not read.", ex);
        }
        catch (PdfDocumentFormatException ex)
        {
            throw new DocumentRejectedException(RejectionReason.Corrupt, "The PDF is damaged and cannot be read; export it again and re-upload.", ex);
        }
    }

    /// <summary>Every complete PDF ends with %%EOF (possibly followed by a few bytes of whitespace or junk).</summary>
    static void RequireEndOfFile(byte[] bytes)
    {
        int tail = Math.Min(bytes.Length, 2048);
        if (bytes.AsSpan(bytes.Length - tail).IndexOf("%%EOF"u8) < 0)
        {
            throw new DocumentRejectedException(RejectionReason.Corrupt, "The PDF is cut off (it has no end-of-file marker); the upload or export may be incomplete.");
        }
    }

    /// <summary>A bare number as the first or last line of a page is a page number, not release text.</summary>
    static void DropPageNumbers(List<PdfLine> lines)
    {
        static bool IsPageNumber(PdfLine line) => line.Text.Length <= 4 && line.Text.All(c => char.IsDigit(c) || c is '-' or ' ');
        if (lines.Count > 1 && IsPageNumber(lines[^1]))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count > 1 && IsPageNumber(lines[0]))
        {
            lines.RemoveAt(0);
        }
    }
}
