using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PressRoom.Benchmarks.Documents;

/// <summary>
/// Generates a release of about <see cref="TargetBytes"/> in each format from seeded pseudo-random sentences
/// (Arabic and English words), so compression ratios are realistic and every run sees the same bytes.
/// </summary>
public static class BenchmarkInputs
{
    public const int TargetBytes = 20 * 1024 * 1024;

    /// <summary>Text in the .docx: the default <c>Documents:MaxTextCharacters</c>.</summary>
    const int TextCharacters = 1_900_000;

    static readonly string[] ArabicWords = "أعلنت وزارة الثقافة اليوم عن إطلاق الدورة الجديدة من مهرجان الكتاب بمشاركة دور نشر عربية ودولية في العاصمة الدوحة خلال شهر مارس المقبل وقال الوزير إن المهرجان يعزز التعاون".Split(' ');
    static readonly string[] EnglishWords = "the ministry announced today a new programme of cooperation with international partners to support culture education and digital economy across the region during the coming year".Split(' ');

    public static byte[] Create(string format) => format switch
    {
        "txt" => Encoding.UTF8.GetBytes(Text(TargetBytes, "\n\n")),
        "md" => Encoding.UTF8.GetBytes("# Release title\n\n" + Text(TargetBytes, "\n\n")),
        "html" => Html(),
        "eml" => Encoding.UTF8.GetBytes("From: press@example.org\r\nTo: desk@example.org\r\nSubject: Release\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + Text(TargetBytes, "\r\n\r\n")),
        "docx" => Docx(),
        "pdf" => Pdf(),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    static IEnumerable<string> Paragraphs(int seed = 7)
    {
        var random = new Random(seed);
        while (true)
        {
            var words = random.Next(2) == 0 ? ArabicWords : EnglishWords;
            var paragraph = new StringBuilder();
            int count = random.Next(40, 120);
            for (int i = 0; i < count; i++)
            {
                paragraph.Append(words[random.Next(words.Length)]).Append(i % 15 == 14 ? ". " : " ");
            }

            yield return paragraph.ToString().Trim() + ".";
        }
    }

    static string Text(int bytes, string separator)
    {
        var text = new StringBuilder("Release title" + separator);
        int size = 0;
        foreach (var paragraph in Paragraphs())
        {
            size += Encoding.UTF8.GetByteCount(paragraph) + separator.Length;
            if (size > bytes)
            {
                break;
            }

            text.Append(paragraph).Append(separator);
        }

        return text.ToString();
    }

    static byte[] Html()
    {
        var html = new StringBuilder("<!doctype html><html><head><title>Release</title><script>var x = 1;</script></head><body><nav><a href='/'>Home</a></nav><article><h1>Release title</h1>");
        foreach (var paragraph in Paragraphs())
        {
            if (html.Length * 1.5 > TargetBytes)
            {
                break;
            }

            html.Append("<p>").Append(paragraph).Append("</p>\n");
        }

        return Encoding.UTF8.GetBytes(html.Append("</article></body></html>").ToString());
    }

    /// <summary>
    /// A 20 MB Word file is mostly pictures: about 2 million characters of text (the default text limit) plus an
    /// incompressible image part filling the rest. The reader must not inflate media it does not need.
    /// </summary>
    static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(new Paragraph(new Run(new Text("Release title"))));
            long characters = 0;
            foreach (var paragraph in Paragraphs())
            {
                characters += paragraph.Length;
                if (characters > TextCharacters)
                {
                    break;
                }

                body.Append(new Paragraph(new Run(new Text(paragraph))));
            }

            main.Document = new Document(body);
            main.Document.Save();
            var image = main.AddImagePart(ImagePartType.Png);
            image.FeedData(new MemoryStream(Noise(TargetBytes - 2 * 1024 * 1024)));
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A 20 MB PDF: 500 pages of text (the default page limit) plus an embedded incompressible image stream,
    /// appended as an incremental update as editing tools do.
    /// </summary>
    static byte[] Pdf()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var lines = Paragraphs().SelectMany(p => Wrap(p, 90)).Where(l => l.All(c => c < 128)).GetEnumerator();
        for (int pageNumber = 0; pageNumber < 500; pageNumber++)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            for (int y = 800; y > 50 && lines.MoveNext(); y -= 14)
            {
                page.AddText(lines.Current, 10, new PdfPoint(40, y), font);
            }
        }

        var pdf = builder.Build();
        var latin1 = Encoding.Latin1.GetString(pdf);
        var size = int.Parse(System.Text.RegularExpressions.Regex.Match(latin1, @"/Size (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var root = System.Text.RegularExpressions.Regex.Match(latin1, @"/Root (\d+ \d+ R)").Groups[1].Value;
        var previous = System.Text.RegularExpressions.Regex.Matches(latin1, @"startxref\s+(\d+)")[^1].Groups[1].Value;
        var noise = Noise(TargetBytes - pdf.Length - 4096);
        using var output = new MemoryStream();
        output.Write(pdf);
        long objectOffset = output.Length + 1;
        output.Write(Encoding.Latin1.GetBytes($"\n{size} 0 obj\n<< /Type /XObject /Subtype /Image /Width 2048 /Height 2048 /BitsPerComponent 8 /ColorSpace /DeviceRGB /Filter /DCTDecode /Length {noise.Length} >>\nstream\n"));
        output.Write(noise);
        output.Write("\nendstream\nendobj\n"u8);
        long xref = output.Length;
        output.Write(Encoding.Latin1.GetBytes($"xref\n{size} 1\n{objectOffset:D10} 00000 n \ntrailer\n<< /Size {size + 1} /Root {root} /Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n"));
        return output.ToArray();
    }

    static byte[] Noise(int length)
    {
        var bytes = new byte[length];
        new Random(11).NextBytes(bytes);
        return bytes;
    }

    static IEnumerable<string> Wrap(string text, int width)
    {
        var words = text.Split(' ');
        var line = new StringBuilder();
        foreach (var word in words)
        {
            if (line.Length + word.Length > width)
            {
                yield return line.ToString().Trim();
                line.Clear();
            }

            line.Append(word).Append(' ');
        }

        if (line.Length > 0)
        {
            yield return line.ToString().Trim();
        }
    }
}
