using PressRoom.Pipeline.Entities.Builtin.Recognizers;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// A headline in capitals names what the story names: "BRITAIN 'S REEVES RAISES TAXES" is about the Rachel Reeves of
/// the body, "AFRICAN UNION SUMMIT OPENS" about its African Union. In a segment in capitals, a run of words that is a
/// name the tagger found in normal text of the same document, or the surname of a person found there, takes that
/// name's type; the tagger alone, without lower case to go by, misses most of these.
/// </summary>
internal static class HeadlineMentions
{
    const int MaxWords = 6;

    /// <summary>Span type per entity category: the tagger's mapping read backwards.</summary>
    static readonly Dictionary<string, string> Types = TaggerRecognizer.Categories.ToDictionary(c => c.Value, c => c.Key, StringComparer.Ordinal);

    /// <summary><paramref name="capitals"/>: <see cref="CapitalsText.Mark"/> of the document.</summary>
    public static List<TaggedSpan> Apply(DocumentContext ctx, List<TaggedSpan> spans, bool[]? capitals)
    {
        if (capitals is null)
        {
            return spans;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        var rules = ctx.Candidates.Where(c => c.FirstToken >= 0 && c.Priority >= Priorities.Gazetteer && Types.ContainsKey(c.Category)).Select(c => new TaggedSpan(Types[c.Category], c.FirstToken, c.EndToken));
        var lowerCase = LowerCaseLines(ctx);
        foreach (var span in spans.Concat(rules).Where(s => !capitals[s.First] && ctx.Tokens[s.First].IsLatin && lowerCase[s.First]))
        {
            names.TryAdd(TaggedSpans.Folded(ctx, span.First, span.End), span.Type);
            if (span.Type == "PER" && span.End - span.First >= 2)
            {
                surnames.Add(ctx.Tokens[span.End - 1].Folded);
            }
        }

        if (names.Count == 0)
        {
            return spans;
        }

        for (var i = 0; i < ctx.Count; i++)
        {
            if (!capitals[i] || !TaggedSpans.IsAllCaps(ctx, ctx.Tokens[i]))
            {
                continue;
            }

            for (var length = Math.Min(MaxWords, ctx.Count - i); length >= 1; length--)
            {
                var text = TaggedSpans.Folded(ctx, i, i + length);
                var type = names.GetValueOrDefault(text) ?? (length == 1 && surnames.Contains(text) ? "PER" : null);
                if (type is not null && !WithinLonger(spans, i, type))
                {
                    TaggedSpans.Replace(spans, new TaggedSpan(type, i, i + length));
                    i += length - 1;
                    break;
                }
            }
        }

        return spans;
    }

    /// <summary>
    /// The tagger already has a longer name of that type starting before the match: "SOUTH KOREA" stays whole where
    /// the body also says "Korea", "JOSHUA NORTON" where it says Norton.
    /// </summary>
    static bool WithinLonger(List<TaggedSpan> spans, int token, string type) => TaggedSpans.At(spans, token) is { } s && s.Type == type && s.First < token;

    /// <summary>Per token, whether its line has lower-case letters: body text, not another headline or a line of capitals.</summary>
    static bool[] LowerCaseLines(DocumentContext ctx)
    {
        var marks = new bool[ctx.Count];
        foreach (var (start, end) in TaggedSpans.Lines(ctx))
        {
            var from = ctx.Tokens[start].Start;
            if (TaggedSpans.HasLowerCase(ctx.Text.AsSpan(from, ctx.Tokens[end - 1].End - from)))
            {
                Array.Fill(marks, true, start, end - start);
            }
        }

        return marks;
    }
}
