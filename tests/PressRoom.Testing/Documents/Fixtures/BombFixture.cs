using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace PressRoom.Tests.Documents.Fixtures;

/// <summary>
/// Resource bombs written by code at test time (nothing stored on disk): a PDF whose content stream inflates to
/// ~106 MB, a PDF drawing more glyphs than the budget, HTML with millions of elements or 100,000 levels, and a
/// Word package whose styles.xml expands past the part limit at a ratio the zip guard lets through.
/// </summary>
public static class BombFixture
{
    /// <summary>A one-page PDF whose only content stream is deflated whitespace after a line of text.</summary>
    public static byte[] PdfFlateBomb(long inflatedBytes)
    {
        var content = Deflate(stream =>
        {
            stream.Write("BT /F1 12 Tf 72 700 Td (Inflated) Tj ET\n"u8);
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (long written = 0; written < inflatedBytes; written += spaces.Length)
            {
                stream.Write(spaces);
            }
        });
        return OnePagePdf(content);
    }

    /// <summary>A small PDF whose page draws <paramref name="glyphs"/> glyphs (in strings of 1,000).</summary>
    public static byte[] PdfGlyphBomb(int glyphs)
    {
        var content = Deflate(stream =>
        {
            var line = Encoding.ASCII.GetBytes("BT /F1 1 Tf 0 0 Td (" + new string('a', 1000) + ") Tj ET\n");
            for (int i = 0; i < glyphs / 1000; i++)
            {
                stream.Write(line);
            }
        });
        return OnePagePdf(content);
    }

    public static byte[] HtmlManyElements(int count)
    {
        var html = new StringBuilder(count * 7 + 64);
        html.Append("<html><body><h1>Many</h1>");
        for (int i = 0; i < count; i++)
        {
            html.Append("<b></b>");
        }

        return Encoding.UTF8.GetBytes(html.Append("</body></html>").ToString());
    }

    public static byte[] HtmlDeepNesting(int depth) =>
        Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "deep</body></html>");

    /// <summary>
    /// A Word package whose styles.xml holds <paramref name="styles"/> distinct styles (~95 bytes each): it compresses
    /// about 30:1, under the package ratio limit, so only the part budget stops it.
    /// </summary>
    public static byte[] DocxStylesBomb(int styles) => ZipFixture.Build(
    [
        ("[Content_Types].xml", s => s.Write(Encoding.UTF8.GetBytes(ZipFixture.ContentTypes.Replace("</Types>", "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/></Types>", StringComparison.Ordinal)))),
        ("_rels/.rels", s => s.Write(Encoding.UTF8.GetBytes(ZipFixture.RootRelationships))),
        ("word/_rels/document.xml.rels", s => s.Write(Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"))),
        ("word/document.xml", s => s.Write(Encoding.UTF8.GetBytes(ZipFixture.DocumentXml(ZipFixture.Paragraph("Styles bomb"))))),
        ("word/styles.xml", s =>
        {
            using var writer = new StreamWriter(s, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
            var random = new Random(18);
            for (int i = 0; i < styles; i++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"<w:style w:type=\"paragraph\" w:styleId=\"s{i}\"><w:name w:val=\"Style {random.Next():x8}\"/></w:style>"));
            }

            writer.Write("</w:styles>");
        }),
    ]);

    static byte[] Deflate(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            write(zlib);
        }

        return buffer.ToArray();
    }

    /// <summary>Catalog, pages, a standard font and one page whose content is the given deflated stream, with a correct xref.</summary>
    static byte[] OnePagePdf(byte[] deflatedContent)
    {
        var parts = new List<byte[]>();
        var offsets = new List<long>();
        long length = 0;
        void Add(byte[] bytes)
        {
            parts.Add(bytes);
            length += bytes.Length;
        }

        void Object(int id, string body, byte[]? stream = null)
        {
            offsets.Add(length);
            Add(Encoding.ASCII.GetBytes($"{id} 0 obj\n{body}\n"));
            if (stream is not null)
            {
                Add("stream\n"u8.ToArray());
                Add(stream);
                Add("\nendstream\n"u8.ToArray());
            }

            Add("endobj\n"u8.ToArray());
        }

        Add("%PDF-1.5\n"u8.ToArray());
        Object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        Object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>");
        Object(4, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        Object(5, string.Create(CultureInfo.InvariantCulture, $"<< /Length {deflatedContent.Length} /Filter /FlateDecode >>"), deflatedContent);
        long xref = length;
        var table = new StringBuilder("xref\n0 6\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        Add(Encoding.ASCII.GetBytes(table.ToString()));
        return [.. parts.SelectMany(p => p)];
    }
}
