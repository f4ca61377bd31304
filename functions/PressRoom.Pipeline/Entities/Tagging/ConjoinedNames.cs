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
        foreach (var span in spans)
        {
            if (span.End - span.First >= 3 && categories.TryGetValue(span.Type, out var category)
                && RuleName(ctx, category, span.First, end: null) is { } left
                && left.EndToken + 1 < span.End && ctx.Tokens[left.EndToken].Folded is "and" or "و"
                && RuleName(ctx, category, left.EndToken + 1, span.End) is not null)
            {
                result.Add(span with { End = left.EndToken });
                result.Add(span with { First = left.EndToken + 1 });
                continue;
            }

            result.Add(span);
        }

        return result;
    }

    /// <summary>A rule candidate of <paramref name="category"/> starting at token <paramref name="first"/> (and ending at <paramref name="end"/> when given).</summary>
    static Candidate? RuleName(DocumentContext ctx, string category, int first, int? end) =>
        ctx.Candidates.Find(c => c.Category == category && c.FirstToken == first && (end is null || c.EndToken == end));
}
