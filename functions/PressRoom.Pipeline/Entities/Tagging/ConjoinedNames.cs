using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Splits a tagger name that is exactly two rule names of its category joined by "and" ("Ridgeway Advisory and Lumen
/// Labs", "University of Leeds and Seoul National University"): the rules only split such a run where both sides
/// are names on their own (EnglishNameRecognizer), so the tagger's one span was two names.
/// </summary>
internal static class ConjoinedNames
{
    public static List<TaggedSpan> Split(DocumentContext ctx, IReadOnlyList<TaggedSpan> spans, IReadOnlyDictionary<string, string> categories)
    {
        var result = new List<TaggedSpan>(spans.Count);
        HashSet<(string Category, int First, int End)>? ruleNames = null;
        foreach (var span in spans)
        {
            var and = Conjunction(ctx, span);
            if (and > 0 && categories.TryGetValue(span.Type, out var category))
            {
                // Built once per document, and only when a tagger name has an "and" inside; only the rule names of
                // the tagger's categories can match (a long text holds far more dates and numbers).
                ruleNames ??= ctx.Candidates.Where(c => categories.Values.Contains(c.Category)).Select(c => (c.Category, c.FirstToken, c.EndToken)).ToHashSet();
                if (ruleNames.Contains((category, span.First, and)) && ruleNames.Contains((category, and + 1, span.End)))
                {
                    result.Add(span with { End = and });
                    result.Add(span with { First = and + 1 });
                    continue;
                }
            }

            result.Add(span);
        }

        return result;
    }

    /// <summary>The token index of a standalone "and"/"و" inside the span (not first or last), or -1.</summary>
    static int Conjunction(DocumentContext ctx, TaggedSpan span)
    {
        for (var i = span.First + 1; i < span.End - 1; i++)
        {
            if (ctx.Tokens[i].Folded is "and" or "و")
            {
                return i;
            }
        }

        return -1;
    }
}
