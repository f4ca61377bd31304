using System.Text;

namespace PressRoom.Pipeline.Documents.Formats;

/// <summary>One glyph as placed on the page: its text and where it sits (PDF user space, y grows upward).</summary>
internal readonly record struct PlacedGlyph(string Value, double Left, double Right, double Baseline, double Size);

/// <summary>A line of text in logical order, with its baseline and font size.</summary>
internal sealed record PdfLine(string Text, double Baseline, double Size);

/// <summary>
/// Builds lines from glyphs by position rather than content-stream order, so producers that write glyphs
/// right to left, out of order or one at a time all read the same: glyphs sharing a baseline form a line,
/// sorted left to right, with a space where the gap is wider than a fraction of the font size; then
/// <see cref="VisualToLogical"/> puts right-to-left runs into reading order.
/// </summary>
internal static class PdfLineBuilder
{
    /// <summary>A gap wider than this share of the font size is a word space (a glyph is about half an em wide).</summary>
    const double WordGapEm = 0.18;

    public static List<PdfLine> BuildLines(IEnumerable<PlacedGlyph> glyphs)
    {
        var sorted = glyphs.Where(g => g.Value.Length > 0 && g.Size > 0).OrderByDescending(g => g.Baseline).ThenBy(g => g.Left).ToList();
        var lines = new List<PdfLine>();
        var current = new List<PlacedGlyph>();
        foreach (var glyph in sorted)
        {
            if (current.Count > 0 && Math.Abs(current[0].Baseline - glyph.Baseline) > 0.35 * Math.Max(glyph.Size, current[0].Size))
            {
                AddLine(current, lines);
                current.Clear();
            }

            current.Add(glyph);
        }

        AddLine(current, lines);
        return lines;
    }

    static void AddLine(List<PlacedGlyph> glyphs, List<PdfLine> lines)
    {
        if (glyphs.Count == 0)
        {
            return;
        }

        glyphs.Sort((a, b) => a.Left.CompareTo(b.Left));
        var units = new List<string>();
        var unitExtent = new List<(double Left, double Right)>();
        PlacedGlyph? previous = null;
        foreach (var glyph in glyphs)
        {
            bool blank = string.IsNullOrWhiteSpace(glyph.Value);
            if (previous is { } prev)
            {
                // Fake bold: the same glyph drawn twice on top of itself.
                if (prev.Value == glyph.Value && Math.Abs(prev.Left - glyph.Left) < 0.05 * glyph.Size)
                {
                    continue;
                }

                if (!blank && units.Count > 0 && units[^1] != " " && glyph.Left - prev.Right > WordGapEm * glyph.Size)
                {
                    units.Add(" ");
                    unitExtent.Add((prev.Right, glyph.Left));
                }
            }

            previous = glyph;
            if (blank)
            {
                if (units.Count > 0 && units[^1] != " ")
                {
                    units.Add(" ");
                    unitExtent.Add((glyph.Left, glyph.Right));
                }

                continue;
            }

            // A combining mark drawn over the previous glyph belongs to it, so reversal keeps base before mark.
            if (glyph.Value.All(ArabicText.IsCombiningMark) && units.Count > 0 && units[^1] != " ")
            {
                units[^1] += glyph.Value;
                continue;
            }

            units.Add(glyph.Value);
            unitExtent.Add((glyph.Left, glyph.Right));
        }

        var text = TextCleaner.CleanBlock(VisualToLogical.Reorder(units));
        if (text.Length > 0)
        {
            var sizes = glyphs.Select(g => g.Size).OrderBy(s => s).ToList();
            lines.Add(new PdfLine(text, glyphs.Average(g => g.Baseline), sizes[sizes.Count / 2]));
        }
    }

    /// <summary>Groups lines into paragraphs: a new paragraph starts after a gap wider than a line and a half, or where the font size changes.</summary>
    public static List<string> BuildParagraphs(List<PdfLine> lines)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        PdfLine? previous = null;
        foreach (var line in lines)
        {
            if (previous is not null)
            {
                double gap = previous.Baseline - line.Baseline;
                bool sizeChanged = Math.Abs(previous.Size - line.Size) > 0.15 * Math.Max(previous.Size, line.Size);
                if (gap > 1.6 * Math.Max(previous.Size, line.Size) || sizeChanged || gap < 0)
                {
                    Flush();
                }
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(line.Text);
            previous = line;
        }

        Flush();
        return paragraphs;

        void Flush()
        {
            if (current.Length > 0)
            {
                paragraphs.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
