using System.Text;
using System.Text.RegularExpressions;

namespace PressRoom.Pipeline.Documents.Formats;

/// <summary>
/// Markdown reduced to its words: headings, paragraphs, list items and quotes become blocks; emphasis, links,
/// images, code fences, rules and inline HTML tags are dropped. The first level-1 heading, if it opens the file, is the title.
/// </summary>
internal static partial class MarkdownExtractor
{
    public static ExtractedText Extract(DecodedText decoded, ExtractionContext context)
    {
        var blocks = new List<string>();
        string? title = null;
        var current = new StringBuilder();
        var lines = decoded.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal) || IsRule(trimmed) || trimmed.Length == 0)
            {
                Flush();
                continue;
            }

            var heading = Heading().Match(trimmed);
            if (heading.Success)
            {
                Flush();
                AddHeading(heading.Groups[2].Value, heading.Groups[1].Value.Length);
                continue;
            }

            // Setext heading: a line underlined by === or ---.
            if (i + 1 < lines.Length && current.Length == 0 && SetextUnderline().IsMatch(lines[i + 1].Trim()))
            {
                AddHeading(trimmed, lines[i + 1].Trim()[0] == '=' ? 1 : 2);
                i++;
                continue;
            }

            var item = ListOrQuote().Match(trimmed);
            if (item.Success)
            {
                Flush();
                trimmed = trimmed[item.Length..];
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(Inline(trimmed));
        }

        Flush();
        return new ExtractedText("md", title, blocks) { Encoding = decoded.Encoding };

        void AddHeading(string text, int level)
        {
            var clean = Inline(text.TrimEnd('#', ' '));
            if (title is null && level == 1 && blocks.Count == 0)
            {
                context.Spend(clean.Length);
                title = clean;
                return;
            }

            Add(clean);
        }

        void Flush()
        {
            if (current.Length > 0)
            {
                Add(current.ToString());
                current.Clear();
            }
        }

        void Add(string block)
        {
            if (!string.IsNullOrWhiteSpace(block))
            {
                context.Spend(block.Length);
                blocks.Add(block.Trim());
            }
        }
    }

    static bool IsRule(string line) => line.Length >= 3 && (line.All(c => c is '-' or ' ') || line.All(c => c is '*' or ' ') || line.All(c => c is '_' or ' ')) && line.Count(c => c != ' ') >= 3;

    static string Inline(string text)
    {
        // Markup clean-up is for ordinary lines; a giant line is kept as written rather than risk slow regex work.
        if (text.Length > 20_000)
        {
            return text.Trim();
        }

        text = Image().Replace(text, string.Empty);
        text = Link().Replace(text, "$1");
        text = HtmlTag().Replace(text, string.Empty);
        text = Emphasis().Replace(text, "$2");
        return text.Replace("`", string.Empty, StringComparison.Ordinal).Replace("\\", string.Empty, StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(=+|-+)$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^((>\s?)+|[-*+]\s+|\d{1,3}[.)]\s+)")]
    private static partial Regex ListOrQuote();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"</?[A-Za-z][^<>]{0,200}>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(\*\*|__|\*|~~)(\S(?:.*?\S)?)\1")]
    private static partial Regex Emphasis();
}
