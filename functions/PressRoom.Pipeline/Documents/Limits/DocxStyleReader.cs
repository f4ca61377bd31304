using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using PressRoom.Pipeline.Documents.Formats;

namespace PressRoom.Pipeline.Documents.Limits;

/// <summary>
/// Title and heading styles of a Word document, streamed from styles.xml with an <see cref="XmlReader"/> through the
/// part budget. Loading the part as a DOM (the SDK's <c>Styles</c> property) took gigabytes for a 250 MB styles bomb.
/// Style ids are localised ("عنوان1"), names are not ("heading 1"), so headings are found by name or outline level.
/// </summary>
internal static class DocxStyleReader
{
    const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static Dictionary<string, bool> HeadingStyles(MainDocumentPart main, ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(main);
        var result = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        if (main.StyleDefinitionsPart is not { } part)
        {
            return result;
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true, CloseInput = true };
        using var reader = XmlReader.Create(DocxPartStream.Open(part, context), settings);
        string? id = null, name = null;
        bool outline = false;
        while (reader.Read())
        {
            if (reader.NamespaceURI != WordNamespace)
            {
                continue;
            }

            if (reader.NodeType == XmlNodeType.Element)
            {
                context.CheckDepth(reader.Depth, "Word styles part");
                switch (reader.LocalName)
                {
                    case "style" when reader.Depth == 1:
                        id = reader.GetAttribute("styleId", WordNamespace);
                        name = null;
                        outline = false;
                        if (reader.IsEmptyElement)
                        {
                            id = null;
                        }

                        break;
                    case "name" when reader.Depth == 2 && id is not null:
                        name = reader.GetAttribute("val", WordNamespace);
                        break;
                    case "outlineLvl" when reader.Depth == 3 && id is not null:
                        outline = true;
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "style" && reader.Depth == 1 && id is not null)
            {
                bool isTitle = string.Equals(name, "title", StringComparison.OrdinalIgnoreCase);
                bool isHeading = name?.StartsWith("heading", StringComparison.OrdinalIgnoreCase) == true || outline;
                if (isTitle || isHeading)
                {
                    result[id] = isTitle;
                }

                id = null;
            }
        }

        return result;
    }
}
