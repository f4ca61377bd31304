using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PressRoom.Pipeline.Documents.Limits;

namespace PressRoom.Pipeline.Documents.Formats;

/// <summary>
/// Word documents: the body's paragraphs, headings and tables (one block per table row, cells joined by " | "),
/// streamed with <see cref="OpenXmlReader"/> so memory stays flat. Word stores right-to-left text in logical
/// order, so runs are taken as stored. Deleted revisions, field codes and fallback copies of text boxes are skipped.
/// The package is inspected by <see cref="ZipPackageGuard"/> before the SDK opens it.
/// </summary>
internal static class DocxExtractor
{
    public static ExtractedText Extract(byte[] bytes, ExtractionContext context)
    {
        ZipPackageGuard.Check(bytes, context);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = context.Limits.MaxXmlPartBytes });
            var main = document.MainDocumentPart
                ?? throw new DocumentRejectedException(RejectionReason.Corrupt, "The Word document has no main document part.");
            var headingStyles = DocxStyleReader.HeadingStyles(main, context);
            var (title, blocks) = ReadBody(main, headingStyles, context);
            if (title is null && blocks.Count == 0)
            {
                throw new DocumentRejectedException(RejectionReason.NoText, "The Word document has no text (it may contain only images or empty pages).");
            }

            return new ExtractedText("docx", title, blocks);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new DocumentRejectedException(RejectionReason.UnsafeContent, "The Word document contains a document type definition (XXE); it was not opened.", ex);
        }
        catch (XmlException ex)
        {
            throw new DocumentRejectedException(RejectionReason.Corrupt, "The Word document's XML is damaged.", ex);
        }
        catch (OpenXmlPackageException ex)
        {
            throw new DocumentRejectedException(RejectionReason.Corrupt, "The Word document's package is damaged or incomplete.", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new DocumentRejectedException(RejectionReason.Corrupt, "The Word document's zip data is damaged.", ex);
        }
    }

    static (string? Title, List<string> Blocks) ReadBody(MainDocumentPart main, Dictionary<string, bool> headingStyles, ExtractionContext context)
    {
        string? title = null;
        var blocks = new List<string>();
        var paragraphs = new Stack<(StringBuilder Text, string? Style)>();
        var tables = new Stack<TableState>();
        // The part is read through a counting stream, so an oversized document.xml stops at the part budget while it streams.
        using var reader = new OpenXmlPartReader(
            DocxPartStream.Open(main, context),
            main.Features,
            new OpenXmlPartReaderOptions { ReadMiscellaneousNodes = false, IgnoreWhitespace = false, CloseStream = true });
        int elements = 0;
        while (reader.Read())
        {
            if ((++elements & 4095) == 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            context.CheckDepth(reader.Depth, "Word document");
            var type = reader.ElementType;
            if (reader.IsStartElement)
            {
                if (type == typeof(DocumentFormat.OpenXml.AlternateContentFallback) || type == typeof(DeletedRun))
                {
                    reader.Skip();
                    continue;
                }

                if (type == typeof(Paragraph))
                {
                    paragraphs.Push((new StringBuilder(), null));
                }
                else if (type == typeof(ParagraphStyleId) && paragraphs.Count > 0)
                {
                    var style = ((ParagraphStyleId)reader.LoadCurrentElement()!).Val?.Value;
                    var (text, _) = paragraphs.Pop();
                    paragraphs.Push((text, style));
                    continue;
                }
                else if (type == typeof(Text) && paragraphs.Count > 0)
                {
                    var value = reader.GetText();
                    context.Spend(value.Length);
                    paragraphs.Peek().Text.Append(value);
                }
                else if ((type == typeof(TabChar) || type == typeof(Break) || type == typeof(CarriageReturn)) && paragraphs.Count > 0)
                {
                    paragraphs.Peek().Text.Append(' ');
                }
                else if (type == typeof(NoBreakHyphen) && paragraphs.Count > 0)
                {
                    paragraphs.Peek().Text.Append('-');
                }
                else if (type == typeof(Table))
                {
                    tables.Push(new TableState());
                }
                else if (type == typeof(TableRow) && tables.Count > 0)
                {
                    tables.Peek().Cells.Clear();
                }
                else if (type == typeof(TableCell) && tables.Count > 0)
                {
                    tables.Peek().Cell.Clear();
                }
            }
            else if (reader.IsEndElement)
            {
                if (type == typeof(Paragraph) && paragraphs.Count > 0)
                {
                    var (builder, style) = paragraphs.Pop();
                    var text = TextCleaner.CollapseWhitespace(builder.ToString()).Trim();
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    if (paragraphs.Count > 0)
                    {
                        paragraphs.Peek().Text.Append(' ').Append(text); // a text box inside a paragraph
                    }
                    else if (tables.Count > 0)
                    {
                        tables.Peek().AppendToCell(text);
                    }
                    else if (title is null && blocks.Count == 0 && style is not null && headingStyles.ContainsKey(style))
                    {
                        title = text;
                    }
                    else
                    {
                        blocks.Add(text);
                    }
                }
                else if (type == typeof(TableCell) && tables.Count > 0)
                {
                    tables.Peek().EndCell();
                }
                else if (type == typeof(TableRow) && tables.Count > 0)
                {
                    var row = tables.Peek().RowText();
                    if (row.Length == 0)
                    {
                        continue;
                    }

                    var outer = tables.Count > 1 ? tables.ElementAt(1) : null;
                    if (outer is not null)
                    {
                        outer.AppendToCell(row); // nested table: its rows belong to the enclosing cell
                    }
                    else
                    {
                        blocks.Add(row);
                    }
                }
                else if (type == typeof(Table) && tables.Count > 0)
                {
                    tables.Pop();
                }
            }
        }

        return (title, blocks);
    }

    sealed class TableState
    {
        public List<string> Cells { get; } = [];
        public StringBuilder Cell { get; } = new();

        public void AppendToCell(string text)
        {
            if (Cell.Length > 0)
            {
                Cell.Append(' ');
            }

            Cell.Append(text);
        }

        public void EndCell()
        {
            Cells.Add(Cell.ToString().Trim());
            Cell.Clear();
        }

        public string RowText() => string.Join(" | ", Cells.Where(c => c.Length > 0));
    }
}
