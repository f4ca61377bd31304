using System.Text;
using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PressRoom.Pipeline.Documents.Limits;

namespace PressRoom.Pipeline.Documents.Formats;

/// <summary>
/// Markdown reduced to its words, parsed by Markdig (CommonMark, pipe tables, YAML front matter): headings,
/// paragraphs, list items, quotes and code become blocks, a table row becomes one block of cells joined by " | " (as
/// the HTML reader does); emphasis, images, link targets, rules, front matter and HTML tags are dropped, a link keeps
/// its text. The first level-1 heading, if it opens the file, is the title.
/// </summary>
internal static class MarkdownExtractor
{
    /// <summary>Built once: a built pipeline is immutable and may parse on many threads at once.</summary>
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseYamlFrontMatter().Build();

    public static ExtractedText Extract(DecodedText decoded, ExtractionContext context)
    {
        // Markdig holds the whole syntax tree, a few times the size of the text: a file whose raw text alone is over
        // the text budget is refused before it is parsed (markup does not make a release twice as long).
        if (decoded.Text.Length > context.Limits.MaxTextCharacters)
        {
            throw new DocumentRejectedException(
                RejectionReason.LimitExceeded,
                $"The document holds more than {context.Limits.MaxTextCharacters:N0} characters of text, the most PressRoom processes in one release.");
        }

        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(decoded.Text, Pipeline);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            // Markdig stops at its nesting limit (MarkdownPipeline.MaximumNestingDepth) instead of exhausting the stack.
            // Stray brackets nest too (every unclosed "[" opens a link), so a release is not refused for them: it is
            // read as plain text, its markup left in, rather than lost.
            return PlainTextExtractor.Extract(decoded, context) with { Format = "md" };
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        var reader = new BlockCollector(context);
        reader.Visit(document, 0);
        return new ExtractedText("md", reader.Title, reader.Blocks) { Encoding = decoded.Encoding };
    }

    static DocumentRejectedException TooDeep(int depth) => new(
        RejectionReason.LimitExceeded,
        $"The Markdown file is nested more than {depth} levels deep, which no real release needs.");

    /// <summary>Collects the text blocks of one parsed document, spending each against the text budget.</summary>
    sealed class BlockCollector(ExtractionContext context)
    {
        public string? Title { get; private set; }

        public List<string> Blocks { get; } = [];

        public void Visit(ContainerBlock container, int depth)
        {
            if (depth > context.Limits.MaxNestingDepth)
            {
                throw TooDeep(context.Limits.MaxNestingDepth);
            }

            context.CancellationToken.ThrowIfCancellationRequested();
            foreach (var block in container)
            {
                switch (block)
                {
                    case YamlFrontMatterBlock or ThematicBreakBlock or LinkReferenceDefinitionGroup:
                        break;
                    case HeadingBlock heading:
                        AddHeading(InlineText(heading.Inline), heading.Level);
                        break;
                    case Table table:
                        foreach (var row in table.OfType<TableRow>())
                        {
                            Add(string.Join(" | ", row.OfType<TableCell>().Select(CellText).Where(c => c.Length > 0)));
                        }

                        break;
                    case HtmlBlock html:
                        Add(HtmlText(html));
                        break;
                    case CodeBlock code:
                        // Fenced or indented code is kept as words: in a release it is a snippet or a quoted figure, not a program.
                        Add(string.Join(' ', code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString().Trim()).Where(l => l.Length > 0)));
                        break;
                    case LeafBlock leaf:
                        Add(InlineText(leaf.Inline));
                        break;
                    case ContainerBlock inner:
                        Visit(inner, depth + 1);
                        break;
                }
            }
        }

        void AddHeading(string text, int level)
        {
            if (Title is null && level == 1 && Blocks.Count == 0 && text.Length > 0)
            {
                context.Spend(text.Length);
                Title = text;
                return;
            }

            Add(text);
        }

        void Add(string block)
        {
            var text = block.Trim();
            if (text.Length > 0)
            {
                context.Spend(text.Length);
                Blocks.Add(text);
            }
        }

        string CellText(TableCell cell)
        {
            var text = new StringBuilder();
            foreach (var leaf in cell.OfType<LeafBlock>())
            {
                text.Append(InlineText(leaf.Inline)).Append(' ');
            }

            return text.ToString().Trim();
        }

        string HtmlText(HtmlBlock html)
        {
            if (html.Type == HtmlBlockType.Comment)
            {
                return string.Empty;
            }

            // AngleSharp decodes the entities; the same parse budget as for HTML pages bounds it.
            var budget = new HtmlParseBudget(context.Limits, context.CancellationToken);
            var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, OnCreated = budget.OnCreated });
            using var fragment = parser.ParseDocument(html.Lines.ToString());
            return string.Join(' ', (fragment.Body?.TextContent ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }

        static string InlineText(ContainerInline? inlines)
        {
            var text = new StringBuilder();
            Append(text, inlines);
            return text.ToString().Trim();
        }

        /// <summary>Depth-first over the inlines, kept iterative so nested emphasis cannot exhaust the stack.</summary>
        static void Append(StringBuilder text, ContainerInline? root)
        {
            if (root is null)
            {
                return;
            }

            var pending = new Stack<Inline>();
            Push(pending, root);
            while (pending.TryPop(out var inline))
            {
                switch (inline)
                {
                    case LinkInline { IsImage: true }:
                        break;
                    case ContainerInline container:
                        Push(pending, container);
                        break;
                    case LiteralInline literal:
                        text.Append(literal.Content.AsSpan());
                        break;
                    case CodeInline code:
                        text.Append(code.Content);
                        break;
                    case AutolinkInline link:
                        text.Append(link.Url);
                        break;
                    case HtmlEntityInline entity:
                        text.Append(entity.Transcoded.AsSpan());
                        break;
                    case LineBreakInline:
                        text.Append(' ');
                        break;
                }
            }
        }

        /// <summary>Pushes the children last first, so they pop in document order.</summary>
        static void Push(Stack<Inline> pending, ContainerInline container)
        {
            for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
            {
                pending.Push(child);
            }
        }
    }
}
