using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PressRoom.Tests.Documents.Fixtures;

/// <summary>Builds real .docx files with the Open XML SDK: a Title-styled headline, body paragraphs, optional table and right-to-left text.</summary>
public static class DocxFixture
{
    public static byte[] Build(string title, IEnumerable<string> paragraphs, bool rightToLeft = false, string[][]? table = null, bool titleAsHeading = true)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Paragraph(title, rightToLeft, titleAsHeading ? "Title" : null));
            foreach (var text in paragraphs)
            {
                body.Append(Paragraph(text, rightToLeft, null));
            }

            if (table is not null)
            {
                var t = new Table();
                foreach (var row in table)
                {
                    var tr = new TableRow();
                    foreach (var cell in row)
                    {
                        tr.Append(new TableCell(Paragraph(cell, rightToLeft, null)));
                    }

                    t.Append(tr);
                }

                body.Append(t);
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A paragraph of several runs (words split across runs, as Word does after editing), with bidi properties when right to left.</summary>
    static Paragraph Paragraph(string text, bool rightToLeft, string? styleId)
    {
        var properties = new ParagraphProperties();
        if (styleId is not null)
        {
            properties.Append(new ParagraphStyleId { Val = styleId });
        }

        if (rightToLeft)
        {
            properties.Append(new BiDi());
            properties.Append(new Justification { Val = JustificationValues.Right });
        }

        var paragraph = new Paragraph(properties);
        var words = text.Split(' ');
        for (int i = 0; i < words.Length; i++)
        {
            var run = new Run();
            if (rightToLeft)
            {
                run.Append(new RunProperties(new RightToLeftText()));
            }

            run.Append(new Text(i < words.Length - 1 ? words[i] + " " : words[i]) { Space = SpaceProcessingModeValues.Preserve });
            paragraph.Append(run);
        }

        return paragraph;
    }

    static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();

        // A localised style id with the canonical English name, as Arabic Word writes it.
        styles.Styles = new Styles(
            new Style(new StyleName { Val = "Title" }, new StyleRunProperties(new FontSize { Val = "48" })) { Type = StyleValues.Paragraph, StyleId = "Title" },
            new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "\u0639\u0646\u0648\u0627\u06461" });
        styles.Styles.Save();
    }
}
