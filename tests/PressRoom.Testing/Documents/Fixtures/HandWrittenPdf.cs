using System.Globalization;
using System.Text;

namespace PressRoom.Tests.Documents.Fixtures;

/// <summary>One line of a hand-written PDF: the glyphs in visual order (left to right on the page).</summary>
/// <param name="Visual">Characters in the order they appear on the page from left to right.</param>
/// <param name="RightAligned">Right-align the line at the right margin (as Arabic text is set).</param>
/// <param name="EmitReversed">Write the glyphs into the content stream right to left, one positioned glyph at a time (as some producers do).</param>
public sealed record PdfLineSpec(string Visual, double FontSize, double Y, bool RightAligned = false, bool EmitReversed = false);

/// <summary>
/// Writes PDFs byte by byte, so fixtures do not depend on a PDF library or installed fonts: a standard
/// TrueType font (not embedded) with a custom one-byte code per character and a ToUnicode map saying which character each
/// code is — the way real producers embed Arabic. Every glyph is 0.5 em wide, a space 0.25 em.
/// </summary>
public static class HandWrittenPdf
{
    const double PageWidth = 595, RightMargin = 545, LeftMargin = 50;

    public static byte[] Build(params IReadOnlyList<PdfLineSpec>[] pages)
    {
        var codes = AssignCodes(pages.SelectMany(p => p).Select(l => l.Visual));
        var objects = new List<string>();
        int fontId = 3, toUnicodeId = 4, descriptorId = 5, firstPageId = 6;

        // 1 catalog, 2 pages, 3 font, 4 ToUnicode, 5 font descriptor, then a page and its content per page.
        var kids = string.Join(' ', Enumerable.Range(0, pages.Length).Select(i => $"{firstPageId + i * 2} 0 R"));
        objects.Add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.Add($"<< /Type /Pages /Kids [{kids}] /Count {pages.Length} >>");
        var widths = string.Join(' ', Enumerable.Range(32, 224).Select(c => c == 32 ? "250" : "500"));
        objects.Add($"<< /Type /Font /Subtype /TrueType /BaseFont /PressRoomFixture /FirstChar 32 /LastChar 255 /Widths [{widths}] /FontDescriptor {descriptorId} 0 R /ToUnicode {toUnicodeId} 0 R >>");
        objects.Add(Stream(ToUnicodeCMap(codes)));
        objects.Add("<< /Type /FontDescriptor /FontName /PressRoomFixture /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>");
        for (int i = 0; i < pages.Length; i++)
        {
            int contentId = firstPageId + i * 2 + 1;
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PageWidth} 842] /Resources << /Font << /F1 {fontId} 0 R >> >> /Contents {contentId} 0 R >>");
            objects.Add(Stream(Content(pages[i], codes)));
        }

        return Assemble(objects);
    }

    /// <summary>Reverses a string of right-to-left letters into the order they appear on the page.</summary>
    public static string Displayed(string rightToLeftText) => new(rightToLeftText.Reverse().ToArray());

    static Dictionary<char, byte> AssignCodes(IEnumerable<string> texts)
    {
        var codes = new Dictionary<char, byte> { [' '] = 0x20 };
        byte next = 0x21;
        foreach (char c in texts.SelectMany(t => t).Distinct())
        {
            if (!codes.ContainsKey(c))
            {
                codes[c] = next++;
            }
        }

        return codes;
    }

    static string ToUnicodeCMap(Dictionary<char, byte> codes)
    {
        var cmap = new StringBuilder();
        cmap.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n");
        cmap.Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n");
        cmap.Append("1 begincodespacerange\n<00> <FF>\nendcodespacerange\n");
        foreach (var chunk in codes.Chunk(100))
        {
            cmap.Append(CultureInfo.InvariantCulture, $"{chunk.Length} beginbfchar\n");
            foreach (var (c, code) in chunk)
            {
                cmap.Append(CultureInfo.InvariantCulture, $"<{code:X2}> <{(int)c:X4}>\n");
            }

            cmap.Append("endbfchar\n");
        }

        cmap.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return cmap.ToString();
    }

    static string Content(IReadOnlyList<PdfLineSpec> lines, Dictionary<char, byte> codes)
    {
        var content = new StringBuilder();
        foreach (var line in lines)
        {
            double Advance(char c) => (c == ' ' ? 0.25 : 0.5) * line.FontSize;
            double width = line.Visual.Sum(Advance);
            double x = line.RightAligned ? RightMargin - width : LeftMargin;
            content.Append(CultureInfo.InvariantCulture, $"BT /F1 {line.FontSize} Tf\n");
            if (!line.EmitReversed)
            {
                content.Append(CultureInfo.InvariantCulture, $"1 0 0 1 {x:0.###} {line.Y:0.###} Tm <{Hex(line.Visual, codes)}> Tj\n");
            }
            else
            {
                var positions = new List<(char C, double X)>();
                foreach (char c in line.Visual)
                {
                    positions.Add((c, x));
                    x += Advance(c);
                }

                for (int i = positions.Count - 1; i >= 0; i--)
                {
                    var (c, glyphX) = positions[i];
                    content.Append(CultureInfo.InvariantCulture, $"1 0 0 1 {glyphX:0.###} {line.Y:0.###} Tm <{Hex(c.ToString(), codes)}> Tj\n");
                }
            }

            content.Append("ET\n");
        }

        return content.ToString();
    }

    static string Hex(string text, Dictionary<char, byte> codes) => string.Concat(text.Select(c => codes[c].ToString("X2", CultureInfo.InvariantCulture)));

    static string Stream(string data) => $"<< /Length {Encoding.ASCII.GetByteCount(data)} >>\nstream\n{data}\nendstream";

    static byte[] Assemble(List<string> objects)
    {
        var pdf = new StringBuilder("%PDF-1.4\n%\u00E2\u00E3\u00CF\u00D3\n");
        var offsets = new List<int>();
        var latin1 = Encoding.Latin1;
        foreach (var (body, index) in objects.Select((o, i) => (o, i)))
        {
            offsets.Add(pdf.Length); // every character is Latin-1: one byte each
            pdf.Append(CultureInfo.InvariantCulture, $"{index + 1} 0 obj\n{body}\nendobj\n");
        }

        int xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return latin1.GetBytes(pdf.ToString());
    }
}
