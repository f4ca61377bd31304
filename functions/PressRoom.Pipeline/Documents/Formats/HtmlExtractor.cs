using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PressRoom.Pipeline.Documents.Limits;

namespace PressRoom.Pipeline.Documents.Formats;

/// <summary>
/// HTML pages saved from a website: the headline (first h1, else the page title) and the text blocks of the article
/// (article, else main, else body) in document order. Scripts, styles, navigation, forms, hidden elements and comments
/// are dropped; entities are decoded by the parser. AngleSharp is used without a loader, so nothing is fetched.
/// The walk is iterative, with a nesting limit, so hostile nesting cannot exhaust the stack; children are visited by index
/// (AngleSharp's sibling links search the parent's child list, which made a flat page of many elements quadratic).
/// </summary>
internal static class HtmlExtractor
{
    static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "iframe", "svg", "math", "canvas",
        "button", "select", "textarea", "object", "embed", "head", "audio", "video", "map", "input", "dialog", "menu",
    };

    static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "blockquote", "body", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section", "table",
        "tr", "ul", "caption", "summary", "center", "tbody", "thead", "tfoot",
    };

    public static ExtractedText Extract(DecodedText decoded, ExtractionContext context)
    {
        // The budget watches the parser as it creates elements: AngleSharp's tree building costs time proportional to
        // the depth for every element, so depth and count must stop it early, not be checked after the parse.
        var budget = new HtmlParseBudget(context.Limits, context.CancellationToken);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, IsNotConsumingCharacterReferences = false, OnCreated = budget.OnCreated });
        var document = parser.ParseDocument(decoded.Text);
        context.CancellationToken.ThrowIfCancellationRequested();
        EnsureNestingWithinLimit(document.DocumentElement, context);

        var root = (IElement?)document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body ?? document.DocumentElement;
        var headline = root.QuerySelector("h1") ?? document.QuerySelector("h1");
        string? title = headline is null ? null : CollectText(headline, context);
        if (string.IsNullOrWhiteSpace(title))
        {
            headline = null;
            var pageTitle = document.QuerySelector("head > title") ?? document.QuerySelector("title");
            title = pageTitle is null ? null : CollectText(pageTitle, context);
        }

        var blocks = Walk(root, headline, context);
        if (string.IsNullOrWhiteSpace(title) && blocks.Count == 0)
        {
            throw new DocumentRejectedException(
                RejectionReason.NoText,
                "The HTML page has no readable text — only scripts, styles, navigation or markup.");
        }

        return new ExtractedText("html", string.IsNullOrWhiteSpace(title) ? null : title, blocks) { Encoding = decoded.Encoding };
    }

    /// <summary>Text blocks under <paramref name="root"/> in document order, skipping <paramref name="skip"/> (the headline used as title).</summary>
    static List<string> Walk(IElement root, IElement? skip, ExtractionContext context)
    {
        var blocks = new List<string>();
        var current = new StringBuilder();
        var stack = new Stack<(INode Node, int Depth, bool Exit)>();
        stack.Push((root, 0, false));
        int visited = 0;
        while (stack.Count > 0)
        {
            if ((++visited & 4095) == 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            var (node, depth, exit) = stack.Pop();
            if (node is IText text)
            {
                current.Append(text.Data);
                continue;
            }

            if (node is not IElement element)
            {
                continue; // comments, processing instructions, doctype
            }

            string name = element.LocalName;
            if (exit)
            {
                if (Blocks.Contains(name))
                {
                    Flush();
                }

                continue;
            }

            context.CheckDepth(depth, "HTML page");
            if (ReferenceEquals(element, skip) || IsDropped(element))
            {
                continue;
            }

            if (Blocks.Contains(name) || name is "br")
            {
                Flush();
            }
            else if (name is "td" or "th" && current.Length > 0)
            {
                current.Append(" | ");
            }
            else if (name is "img" && element.GetAttribute("alt") is { Length: > 0 })
            {
                continue; // alt text describes a picture; it is not part of the release
            }

            stack.Push((element, depth, true));
            var children = element.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], depth + 1, false));
            }
        }

        Flush();
        return blocks;

        void Flush()
        {
            var block = TextCleaner.CollapseWhitespace(current.ToString()).Trim(' ', '|');
            current.Clear();
            if (block.Length > 0)
            {
                context.Spend(block.Length);
                blocks.Add(block);
            }
        }
    }

    /// <summary>Checked before any selector runs: AngleSharp's queries recurse, our walk does not.</summary>
    static void EnsureNestingWithinLimit(IElement root, ExtractionContext context)
    {
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            context.CheckDepth(depth, "HTML page");
            var children = node.ChildNodes;
            for (int i = 0; i < children.Length; i++)
            {
                if (children[i] is IElement)
                {
                    stack.Push((children[i], depth + 1));
                }
            }
        }
    }

    static bool IsDropped(IElement element) =>
        Dropped.Contains(element.LocalName)
        || element.HasAttribute("hidden")
        || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || string.Equals(element.GetAttribute("role"), "navigation", StringComparison.OrdinalIgnoreCase)
        || (element.GetAttribute("style")?.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>All text under an element, iteratively, with whitespace collapsed.</summary>
    static string CollectText(IElement element, ExtractionContext context)
    {
        var text = new StringBuilder();
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((element, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            context.CheckDepth(depth, "HTML page");
            if (node is IText t)
            {
                text.Append(t.Data);
            }
            else if (node is IElement e && (ReferenceEquals(e, element) || !IsDropped(e)))
            {
                if (e.LocalName == "br")
                {
                    text.Append(' ');
                }

                var children = e.ChildNodes;
                for (int i = children.Length - 1; i >= 0; i--)
                {
                    stack.Push((children[i], depth + 1));
                }
            }
        }

        var result = TextCleaner.CollapseWhitespace(text.ToString()).Trim();
        context.Spend(result.Length);
        return result;
    }
}
