using System.Text;

namespace PressRoom.Pipeline.Documents.Formats;

/// <summary>
/// Plain text: paragraphs are separated by blank lines (lines of only spaces or no-break spaces count as blank),
/// and the lines inside one are joined with a space. A file without any blank line has one paragraph per line.
/// </summary>
internal static class PlainTextExtractor
{
    public static ExtractedText Extract(DecodedText decoded, ExtractionContext context) =>
        new("txt", null, SplitParagraphs(decoded.Text, context)) { Encoding = decoded.Encoding };

    public static List<string> SplitParagraphs(string text, ExtractionContext context)
    {
        var lines = SplitLines(text);
        bool hasBlankLine = lines.Exists(string.IsNullOrWhiteSpace);
        var blocks = new List<string>();
        var current = new StringBuilder();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(line.Trim());
            if (!hasBlankLine)
            {
                Flush();
            }
        }

        Flush();
        return blocks;

        void Flush()
        {
            if (current.Length > 0)
            {
                context.Spend(current.Length);
                blocks.Add(current.ToString());
                current.Clear();
            }
        }
    }

    static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\n' or '\r' or '\u2028' or '\u2029' or '\f' or '\v' or '\u0085')
            {
                lines.Add(text[start..i]);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(text[start..]);
        return lines;
    }
}
